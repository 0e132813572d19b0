import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannel, ipcMethodNames } from '../../shared/contract/ipc-channels';

/**
 * Builds `window.api` from the contract's method names and nothing else: each method forwards
 * its payload to the main process, which validates it. No Node or Electron object leaks out.
 */
const api = Object.fromEntries(
  ipcMethodNames.map((method) => [method, (payload: unknown) => ipcRenderer.invoke(ipcChannel(method), payload)]),
);

contextBridge.exposeInMainWorld('api', api);
