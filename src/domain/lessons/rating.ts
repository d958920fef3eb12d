// How lessons are ranked by their guests' feedback.
//
// Each feedback's score is the mean of its three criteria (goal clarity, use of the method, pupils'
// activity), 1..5. A lesson's shown rating is the plain mean of its feedback scores. "Best lessons"
// sorts by a Bayesian average instead, so that few ratings do not outrank many:
//
//     ranked = (PRIOR_WEIGHT × PRIOR_MEAN + Σ scores) / (PRIOR_WEIGHT + n)
//
// i.e. every lesson starts with PRIOR_WEIGHT imaginary ratings of PRIOR_MEAN, which real ratings
// outweigh as they come in. With 3.5 and 5: three 5s rank (17.5 + 15) / 8 ≈ 4.06, twenty 4.8s rank
// (17.5 + 96) / 25 = 4.54. A lesson also needs at least MIN_RATINGS ratings to be listed at all.

export const PRIOR_MEAN = 3.5;
export const PRIOR_WEIGHT = 5;
export const MIN_RATINGS = 3;

/** Feedback can be given or changed for this many days after the lesson ends. */
export const FEEDBACK_DAYS = 7;

export interface Scores {
  goalClarity: number;
  methodUse: number;
  pupilActivity: number;
}

export const feedbackScore = (f: Scores) => (f.goalClarity + f.methodUse + f.pupilActivity) / 3;

export function bayesianAverage(sum: number, n: number, priorMean = PRIOR_MEAN, priorWeight = PRIOR_WEIGHT): number {
  return (priorWeight * priorMean + sum) / (priorWeight + n);
}

/** "4.5" — one decimal, the way the card shows it. */
export const formatRating = (x: number) => (Math.round(x * 10) / 10).toFixed(1);
