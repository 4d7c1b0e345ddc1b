/** Placeholder: the flagged view is built in its own issue. This file is replaced wholesale by that work. */
export default function FlaggedView() {
  return (
    <section className="card section placeholder-view" aria-label="Coming soon">
      <p className="section-desc">Items the detectors flagged as clickbait, rage bait, engagement bait, false urgency or hidden promotion, waiting for your verdict: right or wrong.</p>
      <p className="placeholder-note">Coming in a later version of Parapet.</p>
    </section>
  );
}
