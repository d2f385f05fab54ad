import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import type { ZodType } from 'zod';
import { useFormSubmit } from '../../../forms/use-form-submit';

export interface InlineFormProps<T, R> {
  placeholder: string;
  initial?: string;
  /** Label of the submit button. */
  action: string;
  /** Builds the body the contract's schema checks from the typed text. */
  candidate: (text: string) => unknown;
  schema: ZodType<T>;
  /** Asked before sending (e.g. a confirm dialog); false stops the submission. */
  confirm?: () => Promise<boolean>;
  send: (data: T, idempotencyKey: string) => Promise<R>;
  onDone: (result: R) => void;
}

/**
 * One text box and one button under a trip (new departure time, cancellation reason): checked
 * with the contract's schema, sent with a retry-safe key, refusals shown under the box.
 */
export function InlineForm<T, R>(props: InlineFormProps<T, R>) {
  const [text, setText] = useState(props.initial ?? '');
  const { errors, sending, submit } = useFormSubmit();
  const error = Object.values(errors).find(Boolean);

  const go = async () => {
    if (props.confirm && !(await props.confirm())) return;
    await submit(props.schema, props.candidate(text), props.send, props.onDone);
  };

  return (
    <View className="trip-card__panel">
      <Input placeholder={props.placeholder} value={text} onChange={setText} />
      {error ? <Text className="w-error">{error}</Text> : null}
      <Button type="primary" block loading={sending} disabled={sending} onClick={go}>
        {props.action}
      </Button>
    </View>
  );
}
