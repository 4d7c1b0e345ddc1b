import { useId, type ReactNode } from 'react';

/** An on/off switch with a visible label; a real button with role=switch, so Space and Enter work. */
export function Toggle({
  checked,
  onChange,
  label,
  description,
  disabled,
  hideLabel,
  className,
}: {
  checked: boolean;
  onChange: (next: boolean) => void;
  label: ReactNode;
  description?: ReactNode;
  disabled?: boolean;
  hideLabel?: boolean;
  className?: string;
}) {
  const id = useId();
  return (
    <div className={`toggle ${className ?? ''}`}>
      <button
        type="button"
        role="switch"
        className="switch"
        id={id}
        aria-checked={checked}
        aria-labelledby={`${id}-label`}
        aria-describedby={description ? `${id}-desc` : undefined}
        disabled={disabled}
        onClick={() => onChange(!checked)}
      />
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'toggle-text'}>
        <span id={`${id}-label`} className="toggle-label">
          {label}
        </span>
        {description ? (
          <span id={`${id}-desc`} className="toggle-desc">
            {description}
          </span>
        ) : null}
      </label>
    </div>
  );
}
