/** The breakout groups' line icon: three small circles of people (drawn like app/Icon.tsx). */
export function GroupsIcon({ size = 18 }: { size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M6 10a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM18 10a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM12 19a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM2 15a4 4 0 0 1 8 0M14 15a4 4 0 0 1 8 0M8 23a4 4 0 0 1 8 0" />
    </svg>
  );
}
