import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { UrqlProvider } from '../lib/urql-provider';
import { ToastProvider } from '../components/toast';
import './globals.css';

export const metadata: Metadata = {
  title: 'WB Assist — кабинет продавца',
  description: 'Заказы, выкупы, остатки, отзывы и вопросы покупателей магазина на Wildberries — в одном кабинете',
};
export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The API address is runtime configuration (one build serves every deployment): read it per request.
  await connection();
  const apiUrl = process.env.PUBLIC_API_URL ?? 'http://localhost:4000';
  return (
    <html lang="ru">
      <body>
        <UrqlProvider apiUrl={apiUrl}>
          <ToastProvider>{children}</ToastProvider>
        </UrqlProvider>
      </body>
    </html>
  );
}
