// Video fix-its. A container fault (QuickTime or another container behind a .mp4 name, the index at the end) is
// remuxed: the same streams copied into an MP4 with its index first (+faststart) — seconds, no quality lost.
import { ffmpegJob, type JobOptions } from './ffmpeg-job.js';

/** Stream copy of every video and audio stream into MP4, index first; data and timecode tracks are dropped. */
export function remux(source: string, target: string, o: JobOptions = {}): Promise<void> {
  return ffmpegJob(
    {
      input: ['-i', source],
      output: ['-map', '0:v', '-map', '0:a?', '-c', 'copy', '-map_metadata', '0', '-movflags', '+faststart', '-brand', 'isom', '-f', 'mp4'],
    },
    target,
    o,
  );
}
