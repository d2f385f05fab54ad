import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { otpRequestSchema, phoneLoginSchema } from '@fugong/contracts';
import {
  fieldErrorsFromApiError,
  fieldErrorsFromIssues,
  type FieldErrors,
} from '../../../forms/field-errors';
import { useSubmissionKey } from '../../../forms/use-submission-key';
import { ApiError } from '../../../services/api-error';
import { requestOtp } from '../../../services/auth';
import { signInWithPhone } from '../../../hooks/session';
import { useCountdown } from '../use-countdown';
import './phone-login-form.css';

/** Used when the server does not say how long to wait before another code. */
const DEFAULT_RESEND_SEC = 60;

export interface PhoneLoginFormProps {
  /** Called once the session is stored. */
  onSignedIn: () => void;
}

/** Errors the server reports about one field rather than the whole form. */
const FIELD_OF_CODE: Partial<Record<string, 'phone' | 'code'>> = { OTP_INVALID: 'code', OTP_LOCKED: 'code' };

/**
 * H5 sign-in: phone number, "获取验证码" with a resend countdown, the 6-digit code. Validates
 * with the same zod schemas as the server and shows each problem under its field.
 */
export function PhoneLoginForm({ onSignedIn }: PhoneLoginFormProps) {
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState('');
  const [sending, setSending] = useState(false);
  const [signingIn, setSigningIn] = useState(false);
  const countdown = useCountdown();
  const otpKey = useSubmissionKey();
  const loginKey = useSubmissionKey();

  /** Splits a failure into field errors and a form-level message, shown inline. */
  const showFailure = (error: unknown) => {
    const fields = fieldErrorsFromApiError(error);
    const field = error instanceof ApiError ? FIELD_OF_CODE[error.code] : undefined;
    if (field && error instanceof ApiError) fields[field] = error.message;
    setErrors(fields);
    const hasFieldError = Object.keys(fields).length > 0;
    setFormError(hasFieldError ? '' : error instanceof Error ? error.message : '操作失败，请重试');
  };

  const askForCode = async () => {
    const parsed = otpRequestSchema.safeParse({ phone: phone.trim() });
    if (!parsed.success) {
      setErrors({ phone: fieldErrorsFromIssues(parsed.error.issues).phone });
      return;
    }
    setErrors({});
    setFormError('');
    setSending(true);
    try {
      const sent = await requestOtp(parsed.data.phone, {
        silent: true,
        idempotencyKey: otpKey.keyFor(parsed.data),
      });
      otpKey.settle();
      countdown.start(sent.retryAfterSec > 0 ? sent.retryAfterSec : DEFAULT_RESEND_SEC);
      void Taro.showToast({ title: '验证码已发送', icon: 'none' });
    } catch (error) {
      otpKey.settle(error);
      showFailure(error);
    } finally {
      setSending(false);
    }
  };

  const submit = async () => {
    const parsed = phoneLoginSchema.safeParse({ phone: phone.trim(), code: code.trim() });
    if (!parsed.success) {
      setErrors(fieldErrorsFromIssues(parsed.error.issues));
      setFormError('');
      return;
    }
    setErrors({});
    setFormError('');
    setSigningIn(true);
    try {
      await signInWithPhone(parsed.data, { silent: true, idempotencyKey: loginKey.keyFor(parsed.data) });
      loginKey.settle();
      onSignedIn();
    } catch (error) {
      loginKey.settle(error);
      showFailure(error);
      setSigningIn(false);
    }
  };

  const resendLabel = countdown.secondsLeft > 0 ? `${countdown.secondsLeft} 秒后重发` : '获取验证码';

  return (
    <View className="phone-login">
      <View className="phone-login__field">
        <Text className="phone-login__label">手机号</Text>
        <Input
          className="phone-login__input"
          type="number"
          name="phone"
          placeholder="请输入 11 位手机号"
          maxLength={11}
          value={phone}
          onChange={setPhone}
        />
        {errors.phone ? <Text className="phone-login__error">{errors.phone}</Text> : null}
      </View>
      <View className="phone-login__field">
        <Text className="phone-login__label">验证码</Text>
        <View className="phone-login__code-row">
          <Input
            className="phone-login__input phone-login__input--code"
            type="number"
            name="code"
            placeholder="6 位验证码"
            maxLength={6}
            value={code}
            onChange={setCode}
          />
          <Button
            className="phone-login__send"
            type="primary"
            fill="outline"
            loading={sending}
            disabled={sending || countdown.secondsLeft > 0}
            onClick={askForCode}
          >
            {resendLabel}
          </Button>
        </View>
        {errors.code ? <Text className="phone-login__error">{errors.code}</Text> : null}
      </View>
      {formError ? <Text className="login-form-error">{formError}</Text> : null}
      <Button
        className="phone-login__submit"
        type="primary"
        block
        loading={signingIn}
        disabled={signingIn}
        onClick={submit}
      >
        登录
      </Button>
    </View>
  );
}
