/**
 * What a visitor with a share link sees: the session's headline numbers,
 * its laps, its best lap corner by corner and a coarse outline of the
 * circuit, read from the stored artifacts. No raw telemetry leaves the
 * server, and neither the file name nor the owner's e-mail address does.
 *
 * @module
 */

import {
  type AppServices,
  type AppSession,
  bestLap,
  CornerKpisKey,
  CornersKey,
  createLocalProjection,
  GpsQualityKey,
  LapsKey,
  LapTagsKey,
  summarizeSession,
  TrackKey,
} from "../../sdk/mod.ts";
import type { ShareLink } from "./links.ts";

/** Points of the circuit outline, at most. */
const OUTLINE_POINTS = 300;
const MPS_TO_KMH = 3.6;

/** A circuit's reference line reduced to about {@linkcode OUTLINE_POINTS} points, in local metres (x east, y north). */
function outlineOf(latDeg: Float64Array, lonDeg: Float64Array): { x: number[]; y: number[] } | null {
  if (latDeg.length < 2) return null;
  const projection = createLocalProjection(latDeg[0], lonDeg[0]);
  const stride = Math.max(1, Math.ceil(latDeg.length / OUTLINE_POINTS));
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < latDeg.length; i += stride) {
    x.push(Math.round(projection.toX(lonDeg[i]) * 10) / 10);
    y.push(Math.round(projection.toY(latDeg[i]) * 10) / 10);
  }
  return { x, y };
}

/** The read-only view of a shared session. */
export async function sharedSessionView(services: AppServices, link: ShareLink, session: AppSession) {
  const artifacts = services.artifacts(session.id);
  const [owner, laps, tags, corners, kpis, gps, track, summary] = await Promise.all([
    services.user(session.userId),
    artifacts.get(LapsKey),
    artifacts.get(LapTagsKey),
    artifacts.get(CornersKey),
    artifacts.get(CornerKpisKey),
    artifacts.get(GpsQualityKey),
    artifacts.get(TrackKey),
    summarizeSession(artifacts),
  ]);
  const best = bestLap(laps ?? []);
  const bestKpis = new Map(
    (kpis?.find((k) => k.lap === best?.number)?.corners ?? []).map((k) => [k.corner, k]),
  );
  const tagsOf = new Map((tags ?? []).map((t) => [t.lap, t.tags]));
  return {
    expiresAt: new Date(link.expiresAt).toISOString(),
    sharedBy: owner?.name ?? "a driver",
    session: { trackName: session.trackName, trackSlug: session.trackSlug, date: session.date },
    summary: {
      bestLapS: summary.bestLapS,
      bestLapNumber: summary.bestLapNumber,
      timedLaps: summary.timedLaps,
      cleanLaps: summary.cleanLaps.length,
      distanceKm: summary.distanceM / 1000,
      consistencyScore: summary.consistencyScore,
      gpsGrade: gps?.grade ?? null,
    },
    laps: (laps ?? []).map((lap) => ({
      number: lap.number,
      timeS: lap.timeS,
      kind: lap.kind,
      included: lap.included,
      tags: tagsOf.get(lap.number) ?? [],
    })),
    corners: (corners ?? []).map((corner) => {
      const kpi = bestKpis.get(corner.number);
      return {
        label: corner.label,
        name: corner.name,
        direction: corner.direction,
        minSpeedKmh: kpi ? kpi.minSpeedMps * MPS_TO_KMH : null,
        brakePointM: kpi?.brakePointM ?? null,
        cornerTimeS: kpi?.timeInCornerS ?? null,
        apexType: kpi?.apexType ?? null,
      };
    }),
    outline: track ? outlineOf(track.track.latDeg, track.track.lonDeg) : null,
  };
}
