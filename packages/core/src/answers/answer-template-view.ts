import type { AnswerTemplate } from '@wb-assist/db';

export interface AnswerTemplateView {
  id: string;
  cabinetId: string;
  title: string;
  /** With the placeholders {имя} and {товар} unfilled. */
  text: string;
  createdByUserId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export function toTemplateView(row: AnswerTemplate): AnswerTemplateView {
  return {
    id: row.id,
    cabinetId: row.cabinetId,
    title: row.title,
    text: row.text,
    createdByUserId: row.createdByUserId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
