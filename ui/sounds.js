// Short generated tones for the result screen: a rising pair for Paid, a falling low pair
// for Declined. A setting of this window (Settings → "Sounds"), kept in the webview's local
// storage: it moves no money, so the cashier may turn it off.

const KEY = "kassa.sounds";
const TONES = {
  paid: [
    [880, 0, 0.12],
    [1320, 0.13, 0.18],
  ],
  failed: [
    [440, 0, 0.2],
    [311, 0.22, 0.32],
  ],
};

// One audio context while tones play, closed soon after the last one ends: an open context
// keeps WebKit's audio pipeline (GStreamer, its sink and rendering thread) running and its
// memory held for the rest of the day (bench/window-soak.sh).
let context = null;
let closing = null;
const CLOSE_AFTER_S = 1;

function closeWhenQuiet(endsAt) {
  clearTimeout(closing);
  const wait = Math.max(0, endsAt - context.currentTime + CLOSE_AFTER_S) * 1000;
  closing = setTimeout(() => {
    const done = context;
    context = null;
    closing = null;
    done?.close().catch(() => {});
  }, wait);
}

export const soundsOn = () => localStorage.getItem(KEY) !== "off";

export function setSoundsOn(on) {
  localStorage.setItem(KEY, on ? "on" : "off");
}

/** Plays the tone of `outcome` ("paid", "failed"), if sounds are on; whether it played. */
export function playOutcome(outcome) {
  const tones = TONES[outcome];
  if (!tones || !soundsOn()) return false;
  try {
    context ??= new AudioContext();
    const start = context.currentTime + 0.02;
    let endsAt = start;
    for (const [hz, at, length] of tones) {
      const osc = context.createOscillator();
      const gain = context.createGain();
      osc.type = "sine";
      osc.frequency.value = hz;
      // A soft attack and release: no click.
      gain.gain.setValueAtTime(0, start + at);
      gain.gain.linearRampToValueAtTime(0.25, start + at + 0.015);
      gain.gain.linearRampToValueAtTime(0, start + at + length);
      osc.connect(gain).connect(context.destination);
      osc.start(start + at);
      osc.stop(start + at + length + 0.02);
      endsAt = Math.max(endsAt, start + at + length + 0.02);
    }
    closeWhenQuiet(endsAt);
    return true;
  } catch {
    return false; // no audio device: the screen says it all the same
  }
}
