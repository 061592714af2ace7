/** Three voting dots (the icon set has none); same size and stroke conventions as Icon. */
export function VoteIcon({ size = 16 }: { size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="currentColor"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="6" cy="15" r="3.2" />
      <circle cx="12" cy="8" r="3.2" />
      <circle cx="18" cy="15" r="3.2" />
    </svg>
  );
}
