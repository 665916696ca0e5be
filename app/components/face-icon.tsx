/**
 * A well-being face drawn as inline SVG (issue 14): emoji need a colour-emoji font, which many phones
 * and this project's Chromium do not have (they showed as empty boxes). Decoration only: the radio
 * button's label says the words, so the drawing is hidden from screen readers.
 */
const MOUTH: Record<number, string> = {
  1: "M7.8 18.2 Q12 11.8 16.2 18.2 Z",
  2: "M8.5 16.6 Q12 14.4 15.5 16.6",
  3: "M8.5 15.6 H15.5",
  4: "M8.5 14.4 Q12 17.4 15.5 14.4",
  5: "M7.8 13.8 Q12 20 16.2 13.8 Z",
};

export function FaceIcon({ score }: { score: number }) {
  return (
    <svg className={`face__icon face__icon--${score}`} viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10.5" className="face__skin" />
      <circle cx="8.8" cy="9.8" r="1.3" className="face__feature" />
      <circle cx="15.2" cy="9.8" r="1.3" className="face__feature" />
      <path d={MOUTH[score] ?? MOUTH[3]} className={score === 1 || score === 5 ? "face__feature" : "face__mouth"} />
      {score === 1 ? <path d="M7.4 11.6 Q5.4 15 7.4 16.2 Q9.4 15 7.4 11.6 Z" className="face__tear" /> : null}
    </svg>
  );
}
