/**
 * The timer's audible cue. Browsers block audio until the person interacts with the page, so the
 * audio context is created (armed) on the first click or key press; the cue is mutable.
 */
const MUTE_KEY = 'transforma-timer-muted';

let context: AudioContext | null = null;
let armed = false;

export function armAudio(): void {
  if (armed || typeof window === 'undefined') return;
  armed = true;
  const arm = () => {
    try {
      context ??= new AudioContext();
      void context.resume();
    } catch {
      // No audio on this device: the visual cue remains.
    }
    window.removeEventListener('pointerdown', arm, true);
    window.removeEventListener('keydown', arm, true);
  };
  window.addEventListener('pointerdown', arm, true);
  window.addEventListener('keydown', arm, true);
}

export function isMuted(): boolean {
  try {
    return localStorage.getItem(MUTE_KEY) === '1';
  } catch {
    return false;
  }
}

export function setMuted(muted: boolean): void {
  try {
    if (muted) localStorage.setItem(MUTE_KEY, '1');
    else localStorage.removeItem(MUTE_KEY);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

/** Three short tones; silent when muted or before the first interaction. */
export function beep(): void {
  if (!context || isMuted()) return;
  const ctx = context;
  const start = ctx.currentTime + 0.02;
  [0, 0.28, 0.56].forEach((delay, i) => {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = i === 2 ? 1046.5 : 880;
    gain.gain.setValueAtTime(0.0001, start + delay);
    gain.gain.exponentialRampToValueAtTime(0.3, start + delay + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + delay + 0.22);
    osc.connect(gain).connect(ctx.destination);
    osc.start(start + delay);
    osc.stop(start + delay + 0.25);
  });
}
