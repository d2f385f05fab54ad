/**
 * Test double for `@tarojs/components`: the same components as plain DOM elements, so tests
 * can find them by text and role with @testing-library/react.
 */
import type { CSSProperties, ReactNode } from 'react';

interface BaseProps {
  className?: string;
  children?: ReactNode;
  onClick?: () => void;
  role?: string;
  style?: CSSProperties;
}

export function View({ className, children, onClick, role, style }: BaseProps) {
  return (
    <div className={className} onClick={onClick} role={role} style={style}>
      {children}
    </div>
  );
}

export function Text({ className, children, onClick }: BaseProps) {
  return (
    <span className={className} onClick={onClick}>
      {children}
    </span>
  );
}

export function Image({ className, src }: { className?: string; src: string }) {
  return <img className={className} src={src} alt="" />;
}

interface ButtonProps extends BaseProps {
  id?: string;
  openType?: string;
  disabled?: boolean;
  onAgreePrivacyAuthorization?: () => void;
}

/** A button; an agreePrivacyAuthorization one also fires that event on a tap, as WeChat does. */
export function Button({
  id,
  className,
  children,
  onClick,
  disabled,
  openType,
  onAgreePrivacyAuthorization,
}: ButtonProps) {
  return (
    <button
      id={id}
      className={className}
      disabled={disabled}
      onClick={() => {
        onClick?.();
        if (openType === 'agreePrivacyAuthorization') onAgreePrivacyAuthorization?.();
      }}
    >
      {children}
    </button>
  );
}

interface PickerProps {
  mode?: string;
  value?: string;
  children?: ReactNode;
  onChange?: (event: { detail: { value: string } }) => void;
}

/** The date wheel as a plain date input: a test "turns the wheel" with a change event. */
export function Picker({ mode, value, children, onChange }: PickerProps) {
  return (
    <label>
      {children}
      <input
        type={mode === 'date' ? 'date' : 'text'}
        value={value}
        onChange={(event) => onChange?.({ detail: { value: event.target.value } })}
      />
    </label>
  );
}
