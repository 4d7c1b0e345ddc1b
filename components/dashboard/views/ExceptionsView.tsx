import { useEffect, useState } from 'react';
import { EMPTY_FILTER, formatFilter } from '@/lib/core/activity-filter';
import { describeException, lessLikeSentence } from '@/lib/core/exception-words';
import { send } from '@/lib/messaging';
import { SITE_LABELS } from '@/lib/schema/common';
import type { Responses } from '@/lib/schema/messages';
import type { Exception, HiddenItem, LessLike, Profile } from '@/lib/schema/profile';
import { useProfile } from '../../hooks/useProfile';
import { Icon } from '../../ui/Icon';
import { Notice } from '../../ui/Notice';
import { Section } from '../../ui/Section';
import { formatFullTime, formatTime, safeHref } from '../activity/wording';
import { rehideItem, removeException, removeLessLike, restoreException, restoreLessLike, unhideItem } from '../exceptions/edits';

type Effects = Responses['exceptions/effects'];
/** What the last Remove or Unhide took away, so Undo can put it back. */
type Removed = { text: string; restore: (p: Profile) => Profile };

/**
 * Every exception the user made ("always show from", "allow this rule", a "not clickbait" verdict, a reversed
 * decision) in words, with its scope, when it was made, what it changed since, and Remove (with Undo). A removal is
 * a profile change, so open tabs decide their items again at once. Items hidden by hand are listed too, with Unhide.
 */
export default function ExceptionsView() {
  const { profile, update, error } = useProfile();
  const [effects, setEffects] = useState<Effects | null>(null);
  const [removed, setRemoved] = useState<Removed | null>(null);
  const revision = profile?.revision;

  useEffect(() => {
    let alive = true;
    send('exceptions/effects', {}).then((e) => alive && setEffects(e), () => undefined);
    return () => {
      alive = false;
    };
  }, [revision]);

  if (!profile) return error ? <Notice tone="error">Could not load your profile: {error}</Notice> : <p className="muted">Loading…</p>;

  const remove = (e: Exception, text: string) => {
    setRemoved({ text, restore: (p) => restoreException(p, e) });
    void update((p) => removeException(p, e.id));
  };
  const unhide = (h: HiddenItem, text: string) => {
    setRemoved({ text, restore: (p) => rehideItem(p, h) });
    void update((p) => unhideItem(p, h));
  };
  const forgetLess = (l: LessLike, text: string) => {
    setRemoved({ text, restore: (p) => restoreLessLike(p, l) });
    void update((p) => removeLessLike(p, l.id));
  };
  const undo = () => {
    if (!removed) return;
    void update(removed.restore);
    setRemoved(null);
  };
  const exceptions = [...profile.exceptions].sort((a, b) => b.createdAt - a.createdAt);
  const hidden = [...profile.hiddenItems].sort((a, b) => b.at - a.at);
  const less = [...(profile.lessLike ?? [])].sort((a, b) => b.createdAt - a.createdAt);

  return (
    <div className="exceptions-view">
      <div className="exc-status" role="status" aria-live="polite">
        {removed ? (
          <div className="exc-removed">
            <Icon name="check" size={14} /> <span>{removed.text}</span>
            <button type="button" className="btn btn-sm" onClick={undo}>
              Undo
            </button>
          </div>
        ) : null}
      </div>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <Section
        title="Exceptions"
        description="What you told Parapet to let through, on the page or here. Each one holds on every page until you remove it; removing it takes effect in open tabs at once."
        icon={<Icon name="check" size={18} />}
      >
        {exceptions.length === 0 ? (
          <p className="empty-row">No exceptions. In an item’s ⋯ menu, “Always show from …”, “Show all ads on …” and “Stop marking … on …” each add one here, as do a “not clickbait” verdict and a reversed decision.</p>
        ) : (
          <ul className="rows exc-list" aria-label="Exceptions">
            {exceptions.map((e) => {
              const words = describeException(e, effects?.titles[e.id]);
              const n = effects?.changed[e.id];
              return (
                <li key={e.id} className="row-card exc-row" data-origin={words.origin}>
                  <div className="exc-text">
                    <p className="exc-sentence">{words.sentence}</p>
                    <p className="exc-meta">
                      <span className="chip chip-neutral">{words.originName}</span>
                      <span>
                        Made <time dateTime={new Date(e.createdAt).toISOString()} title={formatFullTime(e.createdAt)}>{formatTime(e.createdAt)}</time>
                      </span>
                      <span data-testid="exc-changed">
                        {n === undefined ? 'Counting what it changed…' : n === 0 ? 'Has changed no logged decision yet' : `Showed ${n} ${n === 1 ? 'item' : 'items'} Parapet would have held back`}
                      </span>
                      {n ? <a href={activityFor(e)}>See them in Activity</a> : null}
                    </p>
                  </div>
                  <button type="button" className="btn btn-sm" aria-label={`Remove: ${words.sentence}`} onClick={() => remove(e, `Removed: ${words.sentence}.`)}>
                    <Icon name="trash" size={14} /> Remove
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </Section>
      <Section
        title="Shown less by you"
        description="What you said “Less like this” to: items by the same author on the same subject are pushed down, not hidden."
        icon={<Icon name="sliders" size={18} />}
      >
        {less.length === 0 ? (
          <p className="empty-row">Nothing shown less.</p>
        ) : (
          <ul className="rows exc-list" aria-label="Shown less by you">
            {less.map((l) => {
              const sentence = lessLikeSentence(l);
              return (
                <li key={l.id} className="row-card exc-row">
                  <div className="exc-text">
                    <p className="exc-sentence">{sentence}</p>
                    <p className="exc-meta">
                      {l.title ? <span>Said on “{l.title}”</span> : null}
                      <span>
                        Made <time dateTime={new Date(l.createdAt).toISOString()} title={formatFullTime(l.createdAt)}>{formatTime(l.createdAt)}</time>
                      </span>
                    </p>
                  </div>
                  <button type="button" className="btn btn-sm" aria-label={`Remove: ${sentence}`} onClick={() => forgetLess(l, `Removed: ${sentence}.`)}>
                    <Icon name="trash" size={14} /> Remove
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </Section>
      <Section
        title="Hidden by you"
        description="Items you hid with “Hide this”. They stay hidden when they come back, until you unhide them."
        icon={<Icon name="eye" size={18} />}
      >
        {hidden.length === 0 ? (
          <p className="empty-row">Nothing hidden by hand.</p>
        ) : (
          <ul className="rows exc-list" aria-label="Hidden by you">
            {hidden.map((h) => {
              const seen = effects?.hidden[`${h.platform}:${h.itemId}`];
              const title = seen?.title || `An item on ${SITE_LABELS[h.platform]} (its title was not logged)`;
              const href = seen ? safeHref(seen.url) : undefined;
              return (
                <li key={`${h.platform}:${h.itemId}`} className="row-card exc-row">
                  <div className="exc-text">
                    <p className="exc-sentence">{href ? <a href={href} target="_blank" rel="noopener noreferrer">{title}</a> : title}</p>
                    <p className="exc-meta">
                      <span>{SITE_LABELS[h.platform]}</span>
                      <span>
                        Hidden <time dateTime={new Date(h.at).toISOString()} title={formatFullTime(h.at)}>{formatTime(h.at)}</time>
                      </span>
                    </p>
                  </div>
                  <button type="button" className="btn btn-sm" aria-label={`Unhide: ${title}`} onClick={() => unhide(h, `Unhidden: ${title}.`)}>
                    <Icon name="eye" size={14} /> Unhide
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </Section>
    </div>
  );
}

/** Activity filtered to the decisions an exception let through on its site (by its author, when it names one). */
function activityFor(e: Exception): string {
  return `#/activity?${formatFilter({ ...EMPTY_FILTER, site: e.platform, reason: 'user-exception', search: e.author ?? '' })}`;
}
