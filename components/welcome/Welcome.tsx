import type { Profile } from '@/lib/schema/profile';
import { useProfile } from '../hooks/useProfile';
import { openDashboard } from '../open-dashboard';
import { AvoidTopicChips, InterestChips } from '../popup/ProfileTopicChips';
import { Icon } from '../ui/Icon';
import { Logo } from '../ui/Logo';
import { Notice } from '../ui/Notice';
import { defaultsInWords } from './defaults';
import { FirstInstruction } from './FirstInstruction';

/** The page opened once after install: what Parapet does with the defaults, in a minute's reading, and the three
 * things most people set up first. Every change saves at once, through the same messages as the popup. */
export function Welcome() {
  const { profile, error, update } = useProfile();
  const edit = (change: (p: Profile) => Profile) => void update(change);

  return (
    <div className="wl">
      <header className="wl-header">
        <Logo size={36} />
        <div>
          <h1 className="wl-title">Parapet is on</h1>
          <p className="wl-lede">It already works on YouTube, Reddit, X and Hacker News, and in ChatGPT, Claude, Gemini and Perplexity.</p>
        </div>
      </header>
      <main className="wl-main">
        {error ? <Notice tone="error">{error}</Notice> : null}
        <section className="wl-defaults card" aria-labelledby="wl-now">
          <h2 id="wl-now" className="wl-h2">
            What it does now, with no setup
          </h2>
          {profile ? (
            <ul className="wl-list">
              {defaultsInWords(profile).map((d) => (
                <li key={d.title}>
                  <Icon name="check" size={16} />
                  <div>
                    <strong>{d.title}</strong>
                    <span className="wl-detail">{d.detail}</span>
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">Loading…</p>
          )}
        </section>

        <h2 className="wl-h2 wl-setup-title">Three things most people set up first</h2>
        <p className="wl-setup-lede">Each saves as soon as you add it. You can change all of it later, from the toolbar button or the dashboard.</p>
        {profile ? (
          <div className="wl-steps">
            <section className="wl-step card" aria-labelledby="wl-avoid">
              <h3 id="wl-avoid" className="wl-h3">
                <span className="wl-n" aria-hidden="true">1</span> Topics to avoid
              </h3>
              <p className="wl-example">Hidden on every feed, by meaning and not only by the words: try “celebrity gossip” or “politics”.</p>
              <AvoidTopicChips profile={profile} edit={edit} placeholder="e.g. celebrity gossip" />
            </section>
            <section className="wl-step card" aria-labelledby="wl-interests">
              <h3 id="wl-interests" className="wl-h3">
                <span className="wl-n" aria-hidden="true">2</span> Interests
              </h3>
              <p className="wl-example">New items about them come first, with a quiet badge: try “woodworking” or “gardening”.</p>
              <InterestChips profile={profile} edit={edit} placeholder="e.g. woodworking" />
            </section>
            <section className="wl-step card" aria-labelledby="wl-chat">
              <h3 id="wl-chat" className="wl-h3">
                <span className="wl-n" aria-hidden="true">3</span> One chat instruction
              </h3>
              <p className="wl-example">
                Added, in plain sight, to the chat messages it fits: “Use metric units” goes with “How far is Paris from Berlin?”.
              </p>
              <FirstInstruction profile={profile} update={update} />
            </section>
          </div>
        ) : null}
      </main>
      <footer className="wl-footer">
        <button type="button" className="btn btn-primary" onClick={() => void openDashboard()}>
          Open the dashboard
          <Icon name="external" size={14} />
        </button>
        <span className="muted">or just close this tab: Parapet keeps working.</span>
      </footer>
    </div>
  );
}
