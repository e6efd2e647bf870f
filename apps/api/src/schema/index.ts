import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.ts';
import './scalars.ts';
import './errors.ts';
import './cabinet.ts';
import './viewer.ts';
import './orders.ts';
import './sales.ts';
import './reviews.ts';
import './row-product.ts';
import './questions.ts';
import './buyer-answers.ts';
import './answer-templates.ts';
import './stocks.ts';
import './products.ts';
import './notification-history.ts';
import './notification-product.ts';
import './sync-logs.ts';
import './daily-stats.ts';
import './top-products.ts';
import './critical-stocks.ts';
import './stock-sizes.ts';
import './members.ts';
import './monitoring.ts';
import './notification-settings.ts';
import './quiet-hours.ts';
import './cabinet-mutations.ts';
import './api-tokens.ts';
import './auth.ts';
import './login-options.ts';
import './demo-telegram.ts';
import './subscriptions.ts';

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});

export const schema = builder.toSchema();

/** The SDL as checked in: sorted, so diffs show real changes only. */
export const sortedSchema = () => lexicographicSortSchema(schema);
