// The SignalR connection to /hubs/status: reconnects by itself, and marks the page live while connected.
export function connect(token, handlers, onReconnected) {
  const signalR = window.signalR;
  const hub = new signalR.HubConnectionBuilder()
    // WebSockets straight away, without the negotiate round trip: with several Status replicas behind a balancer and no
    // sticky sessions, the connection stays on the replica it reached (each replica pushes every change).
    .withUrl("/hubs/status", { accessTokenFactory: () => token(), transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(10000, 500 * 2 ** Math.min(ctx.previousRetryCount, 5)) })
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  for (const [name, handler] of Object.entries(handlers)) hub.on(name, handler);
  const setLive = (live) => {
    document.body.dataset.live = live ? "1" : "0";
  };
  hub.onreconnecting(() => setLive(false));
  hub.onreconnected(() => {
    setLive(true);
    onReconnected();
  });
  let started = false;
  hub.onclose(() => {
    setLive(false);
    setTimeout(start, 5000);
  });
  async function start() {
    try {
      await hub.start();
      setLive(true);
      // A connection made again after it closed may have missed messages, as after a reconnect.
      if (started) onReconnected();
      started = true;
    } catch {
      setLive(false);
      setTimeout(start, 3000);
    }
  }
  start();
  return hub;
}
