/** The Parapet mark (same drawing as public/icon/parapet.svg), inline so it stays crisp at any size. */
export function Logo({ size = 24 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 128 128" aria-hidden="true">
      <defs>
        <linearGradient id="parapet-logo-stone" x1="0" y1="0" x2="0" y2="1">
          <stop offset="0" stopColor="#2bb3a3" />
          <stop offset="1" stopColor="#0f6b66" />
        </linearGradient>
      </defs>
      <path fill="#0a4d49" d="M12 10h28v14h10V10h28v14h10V10h28v50c0 30-22 50-52 62C34 110 12 90 12 60Z" />
      <path fill="url(#parapet-logo-stone)" d="M20 18h12v14h26V18h12v14h26V18h12v42c0 25-18 42-44 53C38 102 20 85 20 60Z" />
      <path fill="#f4fbf9" d="M56 54a8 8 0 0 1 16 0v36a3 3 0 0 1-3 3h-10a3 3 0 0 1-3-3Z" />
    </svg>
  );
}
