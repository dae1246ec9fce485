import { createApiClient, type ApiTransport } from '../../common/api/client';
import type { TargumApi } from '../../common/api/contract';
import { desktopBridgeKey, type DesktopBridge } from '../../common/api/desktop-bridge';
import { connectWebSocketTransport } from './web-socket-transport';

/** The API for whichever host serves this page: the desktop preload's bridge, or the web host's WebSocket. */
export async function connectToHost(): Promise<TargumApi> {
  const bridge = (window as unknown as Record<string, DesktopBridge | undefined>)[desktopBridgeKey];
  const transport: ApiTransport = bridge
    ? { host: 'desktop', call: (method, params) => bridge.call(method, params), onEvent: (listener) => bridge.onEvent(listener) }
    : await connectWebSocketTransport(window.location);
  return createApiClient(transport);
}
