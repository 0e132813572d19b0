import { portalPath, technicianRoutes } from '../../../shared/contract/portal-http';
import { runHubCommand } from '../../integration/support/hub-process';
import { storeArgs } from '../../support/hub-test-engine';
import type { PortalHub } from './portal-hub';

/**
 * The technician's mobile app, as far as the portal sees it: a token an administrator issued
 * with `npm run hub -- technician-token`, status changes and location pings over the technician API.
 */
export class TechnicianApp {
  private constructor(
    private readonly hub: PortalHub,
    private readonly token: string,
  ) {}

  static issue(hub: PortalHub, resourceId: string): TechnicianApp {
    const output = runHubCommand(['technician-token', '--resource', resourceId, ...storeArgs(hub.hub.dataDir)]);
    const line = output.split('\n').find((l) => l.includes('"technician-token"'));
    if (!line) throw new Error(`technician-token printed no token: ${output}`);
    return new TechnicianApp(hub, (JSON.parse(line) as { token: string }).token);
  }

  setStatus(bookingId: string, status: 'traveling' | 'in_progress' | 'completed'): Promise<unknown> {
    return this.post(portalPath(technicianRoutes.status, { bookingId }), { status });
  }

  ping(lat: number, lng: number, at = Date.now()): Promise<unknown> {
    return this.post(technicianRoutes.location, { lat, lng, at });
  }

  /** Uploads the technician's photo, as the app would from the phone's camera. */
  async setPhoto(bytes: Buffer, contentType: string): Promise<void> {
    const answer = await fetch(this.hub.url + technicianRoutes.photo, { method: 'PUT', headers: { 'content-type': contentType, authorization: `Bearer ${this.token}` }, body: bytes });
    if (answer.status !== 204) throw new Error(`PUT photo: ${answer.status} ${await answer.text()}`);
  }

  private async post(path: string, body: unknown): Promise<unknown> {
    const answer = await fetch(this.hub.url + path, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` }, body: JSON.stringify(body) });
    if (!answer.ok) throw new Error(`POST ${path}: ${answer.status} ${await answer.text()}`);
    return answer.json();
  }
}
