import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, ipcChannel, ipcMethodNames } from '../../shared/contract/ipc-channels';

/**
 * Builds `window.api` from the contract's method names and nothing else: each method forwards
 * its payload to the main process, which validates it. No Node or Electron object leaks out;
 * event listeners get the event's data only, never the IpcRendererEvent.
 */
const methods = Object.fromEntries(
  ipcMethodNames.map((method) => [method, (payload: unknown) => ipcRenderer.invoke(ipcChannel(method), payload)]),
);

function onEvent(listener: (event: unknown) => void): () => void {
  const forward = (_event: IpcRendererEvent, data: unknown) => listener(data);
  ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
  return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
}

contextBridge.exposeInMainWorld('api', { ...methods, onEvent });
