/** A row's product as sellers know it from WB: the photo, the card's name, both articles. */
export function ProductCell(props: {
  nmId: number;
  article?: string | null;
  title?: string | null;
  imageUrl?: string | null;
}) {
  return (
    <span className="product" data-nm-id={props.nmId}>
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
