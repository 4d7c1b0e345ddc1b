/** Placeholder: the chat view is built in its own issue. This file is replaced wholesale by that work. */
export default function ChatView() {
  return (
    <section className="card section placeholder-view" aria-label="Coming soon">
      <p className="section-desc">Your standing instructions for ChatGPT, Claude, Gemini and Perplexity: what they say, where they apply and when Parapet adds them to a message.</p>
      <p className="placeholder-note">Coming in a later version of Parapet.</p>
    </section>
  );
}
