/**
 * The product's rule, restated rather than imported: a review of this many stars or fewer is
 * a bad review the seller hears about (README "How a notification travels"). The ground truth
 * must not borrow the code it checks.
 */
export const NEGATIVE_RATING = 3;
