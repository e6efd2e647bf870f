/** A row's product as sellers know it from WB: the photo, the card's name, both articles. */
export function ProductCell(props: {
  nmId: number;
  article?: string | null;
  title?: string | null;
  imageUrl?: string | null;
  /** A row per product size (stocks) names its size too; undefined leaves the attribute out. */
  size?: string | null;
}) {
  return (
    <span
      className="product"
      data-nm-id={props.nmId}
      data-size={props.size === undefined ? undefined : (props.size ?? '')}
    >
      {props.imageUrl ? (
        <img src={props.imageUrl} alt={props.title ?? `Товар ${props.nmId}`} loading="lazy" width={48} height={64} />
      ) : (
        <span className="no-photo" aria-hidden="true" />
      )}
      <span>
        {props.title ?? 'Без карточки'}
        <br />
        <span className="muted">
          {props.article ? `${props.article} · ` : ''}арт. WB {props.nmId}
        </span>
      </span>
    </span>
  );
}
