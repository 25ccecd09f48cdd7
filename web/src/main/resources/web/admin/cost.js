// Cost estimate of a session from the configurable AWS prices in /admin/prices.json (the
// specification's "Cost Analysis"): channel hours, extra outputs, a redundant input when the
// session used failover, egress by the bytes actually sent, recording storage for a month.

let prices;
export async function loadPrices() {
  if (!prices) {
    const response = await fetch('/admin/prices.json', { headers: { Accept: 'application/json' } });
    prices = await response.json();
  }
  return prices;
}

export function sessionCost(session, p, now = Date.now()) {
  const end = session.end_time ? Date.parse(session.end_time) : now;
  const hours = Math.max(0, end - Date.parse(session.start_time)) / 3_600_000;
  const outputs = Math.max(1, (session.destinations || []).length);
  const redundant = session.source_config && session.source_config.redundancy_mode !== 'single';
  const gb = (session.bytes_sent || 0) / 1e9;
  const medialive = hours * (p.medialive_channel_per_hour + (outputs - 1) * p.medialive_additional_output_per_hour
    + (redundant ? p.medialive_redundant_input_per_hour : 0));
  const transfer = gb * p.data_transfer_out_per_gb;
  const storage = session.recording ? gb / outputs * p.s3_storage_per_gb_month : 0;
  return { hours, gb, medialive, transfer, storage, total: medialive + transfer + storage };
}
