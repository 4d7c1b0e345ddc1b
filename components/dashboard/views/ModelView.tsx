/** Placeholder: the model view is built in its own issue. This file is replaced wholesale by that work. */
export default function ModelView() {
  return (
    <section className="card section placeholder-view" aria-label="Coming soon">
      <p className="section-desc">The local language model that judges items Parapet is unsure about: whether this device can run it, download and status, and its settings.</p>
      <p className="placeholder-note">Coming in a later version of Parapet.</p>
    </section>
  );
}
