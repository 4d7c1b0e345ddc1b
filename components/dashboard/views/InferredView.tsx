/** Placeholder: the inferred view is built in its own issue. This file is replaced wholesale by that work. */
export default function InferredView() {
  return (
    <section className="card section placeholder-view" aria-label="Coming soon">
      <p className="section-desc">What Parapet has inferred about you from what you open, skip and correct: topics it thinks you like or avoid, with the evidence for each and controls to correct it.</p>
      <p className="placeholder-note">Coming in a later version of Parapet.</p>
    </section>
  );
}
