/** Largest side accepted, in pixels. */
export const MAX_SIDE = 16384;

/**
 * Largest image accepted, in pixels (a 48 MP photo fits; 8000×8000 does not). Above it the decoder answers
 * `image-too-large` rather than risk running out of memory.
 */
export const MAX_PIXELS = 50_000_000;

/** The first pass reads at most this many pixels (a 4K screen); larger images are shrunk for it. */
export const FIRST_PASS_MAX_PIXELS = 3840 * 2160;

/**
 * The fallback passes (other binarizer, enlarged copy, jsQR) run only on images up to this size: they
 * rescue small, blurred or badly lit photos, and on a large screenshot with no code they would cost more
 * than the first pass itself (the goal is under 20 ms for a 1920×1080 image without a code).
 */
export const FALLBACK_MAX_PIXELS = 1_000_000;

/** Images whose longer side is at most this are also read enlarged 2× (codes of 1–3 px modules). */
export const ENLARGE_MAX_SIDE = 800;

/** Default time budget of one decode, in ms. */
export const DEFAULT_BUDGET_MS = 2000;
