/** Placeholder: the activity view is built in its own issue. This file is replaced wholesale by that work. */
export default function ActivityView() {
  return (
    <section className="card section placeholder-view" aria-label="Coming soon">
      <p className="section-desc">A searchable log of every decision Parapet made on your feeds (hidden, demoted, labelled, reordered) with its reasons, and an undo for each.</p>
      <p className="placeholder-note">Coming in a later version of Parapet.</p>
    </section>
  );
}
