import { getBuyerAnswers, type BuyerAnswerView, type BuyerTextKind } from '@wb-assist/core';
import type { GraphQLContext } from '../context.ts';

type Load = (cabinetId: string, kind: BuyerTextKind, targetId: string) => Promise<BuyerAnswerView | null>;

const loaders = new WeakMap<GraphQLContext, Load>();

/**
 * Our answer to a review or question, for this request. A page of 25 reviews asks for 25
 * answers in one tick: they are collected and read with one query per cabinet and kind, not 25.
 */
export function loadBuyerAnswer(ctx: GraphQLContext, cabinetId: string, kind: BuyerTextKind, targetId: string) {
  let load = loaders.get(ctx);
  if (!load) {
    load = batchingLoader(ctx);
    loaders.set(ctx, load);
  }
  return load(cabinetId, kind, targetId);
}

function batchingLoader(ctx: GraphQLContext): Load {
  const pending = new Map<string, { cabinetId: string; kind: BuyerTextKind; ids: Set<string> }>();
  const results = new Map<string, Promise<Map<string, BuyerAnswerView>>>();

  return (cabinetId, kind, targetId) => {
    const group = `${cabinetId}:${kind}`;
    let batch = pending.get(group);
    if (!batch) {
      const created = { cabinetId, kind, ids: new Set<string>() };
      batch = created;
      pending.set(group, created);
      // Resolvers of one list run in one tick; the read waits for all of them to ask.
      results.set(
        group,
        new Promise((resolve, reject) =>
          process.nextTick(() => {
            pending.delete(group);
            getBuyerAnswers({ db: ctx.prisma, cabinetId, kind, targetIds: [...created.ids] }).then(resolve, reject);
          }),
        ),
      );
    }
    batch.ids.add(targetId);
    return results.get(group)!.then((answers) => answers.get(targetId) ?? null);
  };
}
