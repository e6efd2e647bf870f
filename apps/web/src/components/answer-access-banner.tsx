/** Why nothing can be answered with this key, and what to change in the WB cabinet. */
export function AnswerAccessBanner({ problem }: { problem: string | null }) {
  if (!problem) return null;
  return (
    <div role="alert" className="card banner" data-testid="answer-access">
      <strong>Ответить покупателям с этим ключом нельзя.</strong> {problem}
    </div>
  );
}
