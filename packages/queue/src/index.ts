export * from './ticket-queue.ts';
export { SqliteTicketQueue, type SqliteTicketQueueOptions } from './sqlite/sqlite-ticket-queue.ts';
export { HttpTicketQueue } from './external/http-ticket-queue.ts';
export { receiveWebhook, type WebhookAnswer } from './external/webhook-receiver.ts';
export { ticketsCsv } from './csv.ts';
export { businessDate } from './business-day.ts';
export { SystemHealthMonitor } from './system-health.ts';
