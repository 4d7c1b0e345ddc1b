// The clickbait part of `npm run bench`: the shipped model's held-out figures and its speed on one core.
export { benchClickbait } from './eval-clickbait';
