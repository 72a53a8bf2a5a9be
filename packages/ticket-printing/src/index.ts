export * from './ticket-printer.ts';
export { SerialTicketPrinter } from './serial-ticket-printer.ts';
export { layoutTicket } from './ticket-layout.ts';
export { MonitoredPrinter } from './monitored-printer.ts';
