// The materials bank as plain data: what the service returns and the bot and the site show.
import type { Material } from "../../generated/sqlite/client.js";
import type { User } from "../users.js";
import type { MaterialType } from "./validate.js";

/** Everything a card shows, as plain data. */
export interface MaterialCard {
  id: number;
  title: string;
  description: string;
  type: MaterialType;
  grades: string[];
  subject: { id: number; nameRu: string; nameEn: string };
  author: { id: number; fullName: string };
  school: string | null;
  fileKind: string | null;
  fileId: string | null;
  fileName: string | null;
  /** absent in a preview of a draft */
  mimeType?: string | null;
  url: string | null;
  status: Material["status"];
  rejectReason: string | null;
  views: number;
  upVotes: number;
  downVotes: number;
  score: number;
  /** the viewer's vote: 1, -1 or 0 */
  myVote: number;
}

export interface ListItem {
  id: number;
  title: string;
  type: MaterialType;
  status: Material["status"];
  upVotes: number;
  downVotes: number;
  score: number;
  views: number;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface BrowseFilter {
  /** absent: every subject (the site's bank lists across subjects) */
  subjectId?: number | undefined;
  type?: MaterialType | undefined;
  grade?: string | undefined;
}

export type TopPeriod = "month" | "all";

/** Who looks at a material: her role and, for a methodist, the district she works for. */
export type Viewer = Pick<User, "id" | "role" | "districtId">;
