import { createApiClient } from '../../common/api/client';
import type { TargumApi } from '../../common/api/contract';
import { desktopBridgeKey, type DesktopBridge } from '../../common/api/desktop-bridge';
import { connectApiOverPort } from '../../common/rpc/channel';
import { connectWebSocketChannel } from './web-socket-channel';

/** The API for whichever host serves this page: the desktop preload's bridge, or the web host's WebSocket. */
export async function connectToHost(): Promise<TargumApi> {
  const bridge = (window as unknown as Record<string, DesktopBridge | undefined>)[desktopBridgeKey];
  if (!bridge) return createApiClient('web', await connectWebSocketChannel(window.location));
  return createApiClient('desktop', connectApiOverPort(bridge, (problem) => console.warn(`Targum API: ${problem}`)));
}
