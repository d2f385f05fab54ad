/**
 * Test double for `@nutui/nutui-react-taro`: the few components the app uses, as plain DOM
 * with the same props contract (e.g. Input's onChange receives the string value). The real
 * library needs the Taro runtime; the browser tests cover it for real.
 */
import type { ReactNode } from 'react';

interface ButtonProps {
  className?: string;
  children?: ReactNode;
  disabled?: boolean;
  loading?: boolean;
  onClick?: () => void;
}

export function Button({ className, children, disabled, loading, onClick }: ButtonProps) {
  return (
    <button type="button" className={className} disabled={disabled} aria-busy={loading} onClick={onClick}>
      {children}
    </button>
  );
}

interface InputProps {
  className?: string;
  name?: string;
  placeholder?: string;
  maxLength?: number;
  value?: string;
  /** NutUI's keyboard kinds (digit, number, idcard…): only recorded here. */
  type?: string;
  onChange?: (value: string) => void;
}

export function Input({ className, name, placeholder, maxLength, value, type, onChange }: InputProps) {
  return (
    <input
      className={className}
      name={name}
      data-keyboard={type}
      aria-label={placeholder}
      placeholder={placeholder}
      maxLength={maxLength}
      value={value}
      onChange={(event) => onChange?.(event.target.value)}
    />
  );
}

export function Tag({ className, children }: { className?: string; children?: ReactNode }) {
  return <span className={className}>{children}</span>;
}

interface CellProps {
  title?: ReactNode;
  description?: ReactNode;
  extra?: ReactNode;
}

export function Cell({ title, description, extra }: CellProps) {
  return (
    <div>
      <span>{title}</span>
      {description ? <div>{description}</div> : null}
      {extra ? <span>{extra}</span> : null}
    </div>
  );
}

export function CellGroup({ children }: { children?: ReactNode }) {
  return <div>{children}</div>;
}

export function TextArea({ className, placeholder, maxLength, value, onChange }: InputProps) {
  return (
    <textarea
      className={className}
      aria-label={placeholder}
      placeholder={placeholder}
      maxLength={maxLength}
      value={value}
      onChange={(event) => onChange?.(event.target.value)}
    />
  );
}

interface SwitchProps {
  checked?: boolean;
  onChange?: (checked: boolean) => void;
  'aria-label'?: string;
}

export function Switch({ checked, onChange, 'aria-label': label }: SwitchProps) {
  return (
    <input
      type="checkbox"
      role="switch"
      aria-label={label}
      checked={checked}
      onChange={(event) => onChange?.(event.target.checked)}
    />
  );
}
