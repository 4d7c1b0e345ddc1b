import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

const ICONS: Record<'error' | 'ok' | 'warn' | 'info', IconName> = { error: 'alert', ok: 'check', warn: 'alert', info: 'info' };

/** A short message box. Errors are announced (role=alert), the rest politely (role=status). */
export function Notice({ tone, children, className }: { tone: 'error' | 'ok' | 'warn' | 'info'; children: ReactNode; className?: string }) {
  return (
    <div className={`notice notice-${tone} ${className ?? ''}`} role={tone === 'error' ? 'alert' : 'status'}>
      <Icon name={ICONS[tone]} size={16} />
      <div>{children}</div>
    </div>
  );
}
