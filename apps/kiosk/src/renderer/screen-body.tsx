import { ChecklistScreen } from './checklist-screen.tsx';
import { DossierScreen } from './dossier-screen.tsx';
import { FacilitiesScreen } from './facilities-screen.tsx';
import { FieldsScreen } from './fields-screen.tsx';
import { GuideScreen } from './guide-screen.tsx';
import { HomeScreen } from './home-screen.tsx';
import { useKiosk } from './kiosk-context.tsx';
import type { Screen } from './kiosk-state.ts';
import { PriorityScreen } from './priority-screen.tsx';
import { ProcedureDetail } from './procedure-detail.tsx';
import { ProcedureList } from './procedure-list.tsx';
import { RateScreen } from './rate-screen.tsx';
import { StaffScreen } from './staff-screen.tsx';
import { TicketScreen } from './ticket-screen.tsx';

/** The screen on top of the stack. A screen whose procedure vanished (site reload) falls back to the list. */
export function ScreenBody({ screen }: { screen: Screen }) {
  const { site, state } = useKiosk();
  const service = (id: string) => site.services.find((s) => s.id === id);
  switch (screen.name) {
    case 'welcome':
    case 'home':
      return <HomeScreen />;
    case 'fields':
      return <FieldsScreen />;
    case 'list':
      return <ProcedureList field={screen.field} />;
    case 'detail': {
      const s = service(screen.serviceId);
      return s ? <ProcedureDetail key={s.id} service={s} /> : <ProcedureList field={undefined} />;
    }
    case 'checklist': {
      const s = service(screen.serviceId);
      return s ? <ChecklistScreen service={s} /> : <ProcedureList field={undefined} />;
    }
    case 'priority': {
      const s = service(screen.serviceId);
      return s ? <PriorityScreen service={s} /> : <ProcedureList field={undefined} />;
    }
    case 'ticket': {
      const receipt = state.tickets.at(-1);
      return receipt ? <TicketScreen key={receipt.ticket.id} receipt={receipt} /> : <HomeScreen />;
    }
    case 'guide':
      return <GuideScreen place={screen.place} ticketId={screen.ticketId} />;
    case 'dossier':
      return <DossierScreen />;
    case 'facilities':
      return <FacilitiesScreen place={screen.place} />;
    case 'staff':
      return <StaffScreen />;
    case 'rate':
      return <RateScreen />;
    default: {
      const never: never = screen;
      return never;
    }
  }
}
