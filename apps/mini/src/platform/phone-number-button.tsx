import type { ReactNode } from 'react';
import { Button } from '@tarojs/components';
import { canBindPhone } from './index';

export interface PhoneNumberButtonProps {
  /** Called with the one-time code WeChat gives once the person allowed their phone number. */
  onCode: (code: string) => void;
  /** Called when the person declined (or WeChat could not give a code). */
  onDenied?: () => void;
  disabled?: boolean;
  children: ReactNode;
}

/**
 * WeChat's phone-number button (`open-type="getPhoneNumber"`): the only way a mini-program gets a
 * phone WeChat vouches for. Renders nothing on H5, where people sign in with phone + code.
 */
export function PhoneNumberButton({ onCode, onDenied, disabled, children }: PhoneNumberButtonProps) {
  if (!canBindPhone) return null;
  return (
    <Button
      className="phone-number-button"
      type="primary"
      openType="getPhoneNumber"
      disabled={disabled}
      onGetPhoneNumber={(e) => {
        const code = (e.detail as { code?: string }).code;
        if (code) onCode(code);
        else onDenied?.();
      }}
    >
      {children}
    </Button>
  );
}
