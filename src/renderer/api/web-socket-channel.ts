import { connectApiOverPort, type ApiClientChannel } from '../../common/rpc/channel';
import { textPortOverWebSocket } from '../../common/rpc/text-ports';

export class HostConnectionError extends Error {}

const tokenKey = 'targum.token';

/**
 * The run's token: from the address the web host printed, kept for this tab's session so reloads keep working,
 * and taken out of the address bar at once so that it stays out of the browser's history.
 */
function readToken(location: Location): string | undefined {
  const search = new URLSearchParams(location.search);
  const fromUrl = search.get('token');
  if (fromUrl) {
    sessionStorage.setItem(tokenKey, fromUrl);
    search.delete('token');
    const rest = search.toString();
    history.replaceState(history.state, '', `${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`);
    return fromUrl;
  }
  return sessionStorage.getItem(tokenKey) ?? undefined;
}

/** The run's token this tab was opened with, for the web host's other own-origin paths (the team relay); none on the desktop. */
export function runToken(): string | undefined {
  return sessionStorage.getItem(tokenKey) ?? undefined;
}

/** Opens the WebSocket to the web host that served this page, with the run's token. */
export function connectWebSocketChannel(location: Location): Promise<ApiClientChannel> {
  const token = readToken(location);
  if (!token) {
    return Promise.reject(new HostConnectionError('Open Targum with the address the web host printed: it carries the token that lets this page in.'));
  }
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new WebSocket(`${scheme}//${location.host}/api?token=${encodeURIComponent(token)}`);
  return new Promise((resolve, reject) => {
    socket.addEventListener('error', () =>
      reject(new HostConnectionError('The web host refused this page: its token is from an earlier run. Open the address the web host printed this time.')),
    );
    socket.addEventListener('open', () => {
      const channel = connectApiOverPort(textPortOverWebSocket(socket), (problem) => console.warn(`Targum API: ${problem}`));
      socket.addEventListener('close', () => channel.close('the web host closed the connection; is it still running?'));
      resolve(channel);
    });
  });
}
