import { useId, type ReactNode } from 'react';

/** A titled card; the heading labels the region for screen readers. */
export function Section({
  title,
  description,
  actions,
  children,
  className,
  headingLevel = 2,
  icon,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
  className?: string;
  headingLevel?: 2 | 3;
  icon?: ReactNode;
}) {
  const id = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className={`card section ${className ?? ''}`} aria-labelledby={id}>
      <div className="section-head">
        {icon ? <span className="section-icon">{icon}</span> : null}
        <div>
          <Heading id={id} className="section-title">
            {title}
          </Heading>
          {description ? <p className="section-desc">{description}</p> : null}
        </div>
        {actions}
      </div>
      {children}
    </section>
  );
}
