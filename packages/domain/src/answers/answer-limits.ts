/** WB's limits on an answer to a review or a question, in characters; checked before WB is called. */
export const ANSWER_MIN_LENGTH = 2;
export const ANSWER_MAX_LENGTH = 5000;
