export namespace app {
	
	export class BackupEntry {
	    path: string;
	    name: string;
	    createdAt: string;
	    size: number;
	    reason: string;
	    status: string;
	    problem: string;
	    total: number;
	    encrypted: boolean;
	
	    static createFrom(source: any = {}) {
	        return new BackupEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.name = source["name"];
	        this.createdAt = source["createdAt"];
	        this.size = source["size"];
	        this.reason = source["reason"];
	        this.status = source["status"];
	        this.problem = source["problem"];
	        this.total = source["total"];
	        this.encrypted = source["encrypted"];
	    }
	}
	export class BackupFolder {
	    dir: string;
	    keep: number;
	    backups: BackupEntry[];
	
	    static createFrom(source: any = {}) {
	        return new BackupFolder(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.dir = source["dir"];
	        this.keep = source["keep"];
	        this.backups = this.convertValues(source["backups"], BackupEntry);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class KindCount {
	    kind: string;
	    label: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new KindCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.label = source["label"];
	        this.count = source["count"];
	    }
	}
	export class BackupSummary {
	    path: string;
	    name: string;
	    verified: boolean;
	    warning: string;
	    format: number;
	    createdAt: string;
	    app: string;
	    schema: number;
	    size: number;
	    total: number;
	    records: KindCount[];
	    files: number;
	    historyEntries: number;
	    historyHead: string;
	    encrypted: boolean;
	
	    static createFrom(source: any = {}) {
	        return new BackupSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.name = source["name"];
	        this.verified = source["verified"];
	        this.warning = source["warning"];
	        this.format = source["format"];
	        this.createdAt = source["createdAt"];
	        this.app = source["app"];
	        this.schema = source["schema"];
	        this.size = source["size"];
	        this.total = source["total"];
	        this.records = this.convertValues(source["records"], KindCount);
	        this.files = source["files"];
	        this.historyEntries = source["historyEntries"];
	        this.historyHead = source["historyHead"];
	        this.encrypted = source["encrypted"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class BrokenEntry {
	    seq: number;
	    at: string;
	    kind: string;
	    record: string;
	    problem: string;
	
	    static createFrom(source: any = {}) {
	        return new BrokenEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.seq = source["seq"];
	        this.at = source["at"];
	        this.kind = source["kind"];
	        this.record = source["record"];
	        this.problem = source["problem"];
	    }
	}
	export class CampaignReach {
	    campaignId: string;
	    reached: number;
	    audience: number;
	    communications: number;
	
	    static createFrom(source: any = {}) {
	        return new CampaignReach(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.campaignId = source["campaignId"];
	        this.reached = source["reached"];
	        this.audience = source["audience"];
	        this.communications = source["communications"];
	    }
	}
	export class CompetenceNeed {
	    trainingId: string;
	    ref: string;
	    topic: string;
	    date: string;
	    status: string;
	    roleIds: string[];
	    attended: boolean;
	    record: string;
	    attendedOn: string;
	    expires: string;
	    expired: boolean;
	
	    static createFrom(source: any = {}) {
	        return new CompetenceNeed(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.trainingId = source["trainingId"];
	        this.ref = source["ref"];
	        this.topic = source["topic"];
	        this.date = source["date"];
	        this.status = source["status"];
	        this.roleIds = source["roleIds"];
	        this.attended = source["attended"];
	        this.record = source["record"];
	        this.attendedOn = source["attendedOn"];
	        this.expires = source["expires"];
	        this.expired = source["expired"];
	    }
	}
	export class CompetenceRow {
	    personId: string;
	    name: string;
	    department: string;
	    required: CompetenceNeed[];
	    missing: number;
	
	    static createFrom(source: any = {}) {
	        return new CompetenceRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.personId = source["personId"];
	        this.name = source["name"];
	        this.department = source["department"];
	        this.required = this.convertValues(source["required"], CompetenceNeed);
	        this.missing = source["missing"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class HistoryCheck {
	    ok: boolean;
	    entries: number;
	    headSeq: number;
	    head: string;
	    records: number;
	    keyedFrom: number;
	    broken?: BrokenEntry;
	
	    static createFrom(source: any = {}) {
	        return new HistoryCheck(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ok = source["ok"];
	        this.entries = source["entries"];
	        this.headSeq = source["headSeq"];
	        this.head = source["head"];
	        this.records = source["records"];
	        this.keyedFrom = source["keyedFrom"];
	        this.broken = this.convertValues(source["broken"], BrokenEntry);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ImportKind {
	    kind: string;
	    label: string;
	    fields: xlsx.Field[];
	
	    static createFrom(source: any = {}) {
	        return new ImportKind(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.label = source["label"];
	        this.fields = this.convertValues(source["fields"], xlsx.Field);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Info {
	    name: string;
	    version: string;
	    dataDir: string;
	    schemaVersion: number;
	    error: string;
	    encrypted: boolean;
	    locked: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Info(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.version = source["version"];
	        this.dataDir = source["dataDir"];
	        this.schemaVersion = source["schemaVersion"];
	        this.error = source["error"];
	        this.encrypted = source["encrypted"];
	        this.locked = source["locked"];
	    }
	}
	export class KPIStatus {
	    kpiId: string;
	    measurements: number;
	    latest: number;
	    latestOn: string;
	    rag: string;
	    previous: number;
	    previousOn: string;
	    trend: string;
	    nextDue: string;
	    due: boolean;
	
	    static createFrom(source: any = {}) {
	        return new KPIStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kpiId = source["kpiId"];
	        this.measurements = source["measurements"];
	        this.latest = source["latest"];
	        this.latestOn = source["latestOn"];
	        this.rag = source["rag"];
	        this.previous = source["previous"];
	        this.previousOn = source["previousOn"];
	        this.trend = source["trend"];
	        this.nextDue = source["nextDue"];
	        this.due = source["due"];
	    }
	}
	
	export class KindInfo {
	    kind: string;
	    plural: string;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new KindInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.plural = source["plural"];
	        this.label = source["label"];
	    }
	}
	export class ObjectiveApproval {
	    approverId: string;
	    on: string;
	    how: string;
	    ref: string;
	
	    static createFrom(source: any = {}) {
	        return new ObjectiveApproval(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.approverId = source["approverId"];
	        this.on = source["on"];
	        this.how = source["how"];
	        this.ref = source["ref"];
	    }
	}
	export class PassphraseStatus {
	    encrypted: boolean;
	    keyedFrom: number;
	    plainBackups: number;
	    minLength: number;
	
	    static createFrom(source: any = {}) {
	        return new PassphraseStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.encrypted = source["encrypted"];
	        this.keyedFrom = source["keyedFrom"];
	        this.plainBackups = source["plainBackups"];
	        this.minLength = source["minLength"];
	    }
	}
	export class PolicyDraft {
	    number: string;
	    summary: string;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new PolicyDraft(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.number = source["number"];
	        this.summary = source["summary"];
	        this.text = source["text"];
	    }
	}
	export class Preferences {
	    dayFirst: boolean;
	    keepBackups: number;
	
	    static createFrom(source: any = {}) {
	        return new Preferences(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.dayFirst = source["dayFirst"];
	        this.keepBackups = source["keepBackups"];
	    }
	}
	export class RequirementChange {
	    setStatus: boolean;
	    status: string;
	    setOwner: boolean;
	    ownerId: string;
	    setSourceType: boolean;
	    sourceType: string;
	    setSource: boolean;
	    source: string;
	
	    static createFrom(source: any = {}) {
	        return new RequirementChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.setStatus = source["setStatus"];
	        this.status = source["status"];
	        this.setOwner = source["setOwner"];
	        this.ownerId = source["ownerId"];
	        this.setSourceType = source["setSourceType"];
	        this.sourceType = source["sourceType"];
	        this.setSource = source["setSource"];
	        this.source = source["source"];
	    }
	}
	export class RequirementDetail {
	    requirement: isms.Requirement;
	    history: overview.Change[];
	    links: overview.LinkView[];
	    backlinks: overview.LinkView[];
	
	    static createFrom(source: any = {}) {
	        return new RequirementDetail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.requirement = this.convertValues(source["requirement"], isms.Requirement);
	        this.history = this.convertValues(source["history"], overview.Change);
	        this.links = this.convertValues(source["links"], overview.LinkView);
	        this.backlinks = this.convertValues(source["backlinks"], overview.LinkView);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RequirementOptions {
	    sources: isms.Option[];
	    statuses: isms.Option[];
	    people: isms.Option[];
	    controls: isms.Option[];
	    policies: isms.Option[];
	
	    static createFrom(source: any = {}) {
	        return new RequirementOptions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sources = this.convertValues(source["sources"], isms.Option);
	        this.statuses = this.convertValues(source["statuses"], isms.Option);
	        this.people = this.convertValues(source["people"], isms.Option);
	        this.controls = this.convertValues(source["controls"], isms.Option);
	        this.policies = this.convertValues(source["policies"], isms.Option);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ReviewClosing {
	    signedById: string;
	    signedOn: string;
	    how: string;
	    ref: string;
	    conclusion: isms.ReviewConclusion;
	    nextReviewDate: string;
	
	    static createFrom(source: any = {}) {
	        return new ReviewClosing(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.signedById = source["signedById"];
	        this.signedOn = source["signedOn"];
	        this.how = source["how"];
	        this.ref = source["ref"];
	        this.conclusion = this.convertValues(source["conclusion"], isms.ReviewConclusion);
	        this.nextReviewDate = source["nextReviewDate"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RosterEntry {
	    personId: string;
	    status: string;
	    date: string;
	
	    static createFrom(source: any = {}) {
	        return new RosterEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.personId = source["personId"];
	        this.status = source["status"];
	        this.date = source["date"];
	    }
	}
	export class SheetPreview {
	    file: string;
	    sheets: xlsx.SheetInfo[];
	    sheet: string;
	    rows: xlsx.Row[];
	    width: number;
	    hiddenColumns: number[];
	    headerRow: number;
	    headerRows: number;
	    headerError: string;
	
	    static createFrom(source: any = {}) {
	        return new SheetPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.file = source["file"];
	        this.sheets = this.convertValues(source["sheets"], xlsx.SheetInfo);
	        this.sheet = source["sheet"];
	        this.rows = this.convertValues(source["rows"], xlsx.Row);
	        this.width = source["width"];
	        this.hiddenColumns = source["hiddenColumns"];
	        this.headerRow = source["headerRow"];
	        this.headerRows = source["headerRows"];
	        this.headerError = source["headerError"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace importer {
	
	export class Counts {
	    rows: number;
	    created: number;
	    updated: number;
	    unchanged: number;
	    skipped: number;
	    invalid: number;
	    sections: number;
	
	    static createFrom(source: any = {}) {
	        return new Counts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = source["rows"];
	        this.created = source["created"];
	        this.updated = source["updated"];
	        this.unchanged = source["unchanged"];
	        this.skipped = source["skipped"];
	        this.invalid = source["invalid"];
	        this.sections = source["sections"];
	    }
	}
	export class Fix {
	    id: string;
	    field: string;
	    problem: string;
	    description: string;
	    rows: number;
	    examples: number[];
	    applied: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Fix(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.field = source["field"];
	        this.problem = source["problem"];
	        this.description = source["description"];
	        this.rows = source["rows"];
	        this.examples = source["examples"];
	        this.applied = source["applied"];
	    }
	}
	export class GuessedPeople {
	    field: string;
	    column: string;
	    header: string;
	    names: string[];
	    count: number;
	    rows: number;
	
	    static createFrom(source: any = {}) {
	        return new GuessedPeople(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.column = source["column"];
	        this.header = source["header"];
	        this.names = source["names"];
	        this.count = source["count"];
	        this.rows = source["rows"];
	    }
	}
	export class Split2013 {
	    from: string;
	    to: string[];
	
	    static createFrom(source: any = {}) {
	        return new Split2013(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.to = source["to"];
	    }
	}
	export class Target2013 {
	    ref: string;
	    title: string;
	    from: string[];
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new Target2013(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.from = source["from"];
	        this.note = source["note"];
	    }
	}
	export class ISO2013 {
	    rows: number;
	    headings: number;
	    applied: boolean;
	    message: string;
	    targets: Target2013[];
	    split: Split2013[];
	    unmapped: string[];
	    new: string[];
	
	    static createFrom(source: any = {}) {
	        return new ISO2013(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = source["rows"];
	        this.headings = source["headings"];
	        this.applied = source["applied"];
	        this.message = source["message"];
	        this.targets = this.convertValues(source["targets"], Target2013);
	        this.split = this.convertValues(source["split"], Split2013);
	        this.unmapped = source["unmapped"];
	        this.new = source["new"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Log {
	    id: string;
	    kind: string;
	    file: string;
	    sha256: string;
	    sheet: string;
	    headerRow: number;
	    mapping: xlsx.Mapping;
	    counts: Counts;
	    newPeople: number;
	    at: string;
	    revertedAt: string;
	    skipped: xlsx.Problem[];
	    fixed?: Record<string, string>;
	    fixes?: string[];
	
	    static createFrom(source: any = {}) {
	        return new Log(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.file = source["file"];
	        this.sha256 = source["sha256"];
	        this.sheet = source["sheet"];
	        this.headerRow = source["headerRow"];
	        this.mapping = this.convertValues(source["mapping"], xlsx.Mapping);
	        this.counts = this.convertValues(source["counts"], Counts);
	        this.newPeople = source["newPeople"];
	        this.at = source["at"];
	        this.revertedAt = source["revertedAt"];
	        this.skipped = this.convertValues(source["skipped"], xlsx.Problem);
	        this.fixed = source["fixed"];
	        this.fixes = source["fixes"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class MergedRecord {
	    sheet?: string;
	    row: number;
	    rows: number[];
	    ref: string;
	
	    static createFrom(source: any = {}) {
	        return new MergedRecord(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sheet = source["sheet"];
	        this.row = source["row"];
	        this.rows = source["rows"];
	        this.ref = source["ref"];
	    }
	}
	export class ProblemGroup {
	    field: string;
	    message: string;
	    rows: number;
	    examples: number[];
	    fix: string;
	
	    static createFrom(source: any = {}) {
	        return new ProblemGroup(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.message = source["message"];
	        this.rows = source["rows"];
	        this.examples = source["examples"];
	        this.fix = source["fix"];
	    }
	}
	export class RepeatedTitle {
	    title: string;
	    count: number;
	    rows: number[];
	
	    static createFrom(source: any = {}) {
	        return new RepeatedTitle(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = source["title"];
	        this.count = source["count"];
	        this.rows = source["rows"];
	    }
	}
	export class SectionRow {
	    row: number;
	    text: string;
	    sheet?: string;
	
	    static createFrom(source: any = {}) {
	        return new SectionRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.row = source["row"];
	        this.text = source["text"];
	        this.sheet = source["sheet"];
	    }
	}
	export class PlannedRow {
	    row: number;
	    action: string;
	    ref: string;
	    title: string;
	    problems: xlsx.Problem[];
	    sheet?: string;
	
	    static createFrom(source: any = {}) {
	        return new PlannedRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.row = source["row"];
	        this.action = source["action"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.problems = this.convertValues(source["problems"], xlsx.Problem);
	        this.sheet = source["sheet"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Request {
	    kind: string;
	    file: string;
	    sheet: string;
	    headerRow: number;
	    headerRows: number;
	    map: Record<string, string>;
	    unmap: string[];
	    fillDown: string[];
	    keepSections: boolean;
	    dayFirst: boolean;
	    skipInvalid: boolean;
	    dateOrder: string;
	    scale: string;
	    sha256: string;
	    matchBy: string;
	    survey: string;
	    audit: string;
	    mergeBy: string;
	    noFillDown: boolean;
	    sheets: string[];
	    allSheets: boolean;
	    from2013: boolean;
	    fixed: Record<string, string>;
	    fixes: string[];
	
	    static createFrom(source: any = {}) {
	        return new Request(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.file = source["file"];
	        this.sheet = source["sheet"];
	        this.headerRow = source["headerRow"];
	        this.headerRows = source["headerRows"];
	        this.map = source["map"];
	        this.unmap = source["unmap"];
	        this.fillDown = source["fillDown"];
	        this.keepSections = source["keepSections"];
	        this.dayFirst = source["dayFirst"];
	        this.skipInvalid = source["skipInvalid"];
	        this.dateOrder = source["dateOrder"];
	        this.scale = source["scale"];
	        this.sha256 = source["sha256"];
	        this.matchBy = source["matchBy"];
	        this.survey = source["survey"];
	        this.audit = source["audit"];
	        this.mergeBy = source["mergeBy"];
	        this.noFillDown = source["noFillDown"];
	        this.sheets = source["sheets"];
	        this.allSheets = source["allSheets"];
	        this.from2013 = source["from2013"];
	        this.fixed = source["fixed"];
	        this.fixes = source["fixes"];
	    }
	}
	export class Plan {
	    request: Request;
	    fileName: string;
	    sha256: string;
	    sheet: string;
	    sheets: xlsx.SheetInfo[];
	    header: xlsx.Header;
	    mapping: xlsx.Mapping;
	    fields: xlsx.Field[];
	    rows: PlannedRow[];
	    newPeople: string[];
	    counts: Counts;
	    errors: xlsx.Problem[];
	    mappingProblems: xlsx.Problem[];
	    sections: SectionRow[];
	    warnings: xlsx.DateWarning[];
	    localeHint: string;
	    iso2013?: ISO2013;
	    layoutSheets: string[];
	    sheetsRead: string[];
	    merged: MergedRecord[];
	    mergedRows: number;
	    newControls: string[];
	    guessedPeople: GuessedPeople[];
	    repeatedTitles: RepeatedTitle[];
	    repeatedTitleCount: number;
	    problemGroups: ProblemGroup[];
	    fixes: Fix[];
	
	    static createFrom(source: any = {}) {
	        return new Plan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.request = this.convertValues(source["request"], Request);
	        this.fileName = source["fileName"];
	        this.sha256 = source["sha256"];
	        this.sheet = source["sheet"];
	        this.sheets = this.convertValues(source["sheets"], xlsx.SheetInfo);
	        this.header = this.convertValues(source["header"], xlsx.Header);
	        this.mapping = this.convertValues(source["mapping"], xlsx.Mapping);
	        this.fields = this.convertValues(source["fields"], xlsx.Field);
	        this.rows = this.convertValues(source["rows"], PlannedRow);
	        this.newPeople = source["newPeople"];
	        this.counts = this.convertValues(source["counts"], Counts);
	        this.errors = this.convertValues(source["errors"], xlsx.Problem);
	        this.mappingProblems = this.convertValues(source["mappingProblems"], xlsx.Problem);
	        this.sections = this.convertValues(source["sections"], SectionRow);
	        this.warnings = this.convertValues(source["warnings"], xlsx.DateWarning);
	        this.localeHint = source["localeHint"];
	        this.iso2013 = this.convertValues(source["iso2013"], ISO2013);
	        this.layoutSheets = source["layoutSheets"];
	        this.sheetsRead = source["sheetsRead"];
	        this.merged = this.convertValues(source["merged"], MergedRecord);
	        this.mergedRows = source["mergedRows"];
	        this.newControls = source["newControls"];
	        this.guessedPeople = this.convertValues(source["guessedPeople"], GuessedPeople);
	        this.repeatedTitles = this.convertValues(source["repeatedTitles"], RepeatedTitle);
	        this.repeatedTitleCount = source["repeatedTitleCount"];
	        this.problemGroups = this.convertValues(source["problemGroups"], ProblemGroup);
	        this.fixes = this.convertValues(source["fixes"], Fix);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	
	export class Result {
	    log: Log;
	    errors: xlsx.Problem[];
	    sections: SectionRow[];
	    newPeople: string[];
	    newControls: string[];
	
	    static createFrom(source: any = {}) {
	        return new Result(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.log = this.convertValues(source["log"], Log);
	        this.errors = this.convertValues(source["errors"], xlsx.Problem);
	        this.sections = this.convertValues(source["sections"], SectionRow);
	        this.newPeople = source["newPeople"];
	        this.newControls = source["newControls"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	

}

export namespace isms {
	
	export class Acknowledgement {
	    personId: string;
	    on: string;
	
	    static createFrom(source: any = {}) {
	        return new Acknowledgement(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.personId = source["personId"];
	        this.on = source["on"];
	    }
	}
	export class Action {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    ref: string;
	    title: string;
	    description: string;
	    ownerId: string;
	    dueDate: string;
	    status: string;
	    reviewId: string;
	    nonconformityId: string;
	    completedOn: string;
	    notes: string;
	
	    static createFrom(source: any = {}) {
	        return new Action(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.description = source["description"];
	        this.ownerId = source["ownerId"];
	        this.dueDate = source["dueDate"];
	        this.status = source["status"];
	        this.reviewId = source["reviewId"];
	        this.nonconformityId = source["nonconformityId"];
	        this.completedOn = source["completedOn"];
	        this.notes = source["notes"];
	    }
	}
	export class Approval {
	    approverId: string;
	    role: string;
	    decision: string;
	    method: string;
	    comment: string;
	    at: string;
	    textSha256: string;
	
	    static createFrom(source: any = {}) {
	        return new Approval(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.approverId = source["approverId"];
	        this.role = source["role"];
	        this.decision = source["decision"];
	        this.method = source["method"];
	        this.comment = source["comment"];
	        this.at = source["at"];
	        this.textSha256 = source["textSha256"];
	    }
	}
	export class Asset {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    ref: string;
	    name: string;
	    type: string;
	    ownerId: string;
	    custodianId: string;
	    location: string;
	    classification: string;
	    description: string;
	    acquiredOn: string;
	    reviewDate: string;
	    status: string;
	    riskIds: string[];
	    controlIds: string[];
	    notes: string;
	
	    static createFrom(source: any = {}) {
	        return new Asset(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.ref = source["ref"];
	        this.name = source["name"];
	        this.type = source["type"];
	        this.ownerId = source["ownerId"];
	        this.custodianId = source["custodianId"];
	        this.location = source["location"];
	        this.classification = source["classification"];
	        this.description = source["description"];
	        this.acquiredOn = source["acquiredOn"];
	        this.reviewDate = source["reviewDate"];
	        this.status = source["status"];
	        this.riskIds = source["riskIds"];
	        this.controlIds = source["controlIds"];
	        this.notes = source["notes"];
	    }
	}
	export class Attendance {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    trainingId: string;
	    personId: string;
	    status: string;
	    date: string;
	    score: number;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new Attendance(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.trainingId = source["trainingId"];
	        this.personId = source["personId"];
	        this.status = source["status"];
	        this.date = source["date"];
	        this.score = source["score"];
	        this.note = source["note"];
	    }
	}
	export class ChecklistItem {
	    ref: string;
	    title: string;
	    question: string;
	    result: string;
	    evidence: string;
	
	    static createFrom(source: any = {}) {
	        return new ChecklistItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.question = source["question"];
	        this.result = source["result"];
	        this.evidence = source["evidence"];
	    }
	}
	export class Audit {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    ref: string;
	    title: string;
	    scope: string;
	    objectives: string;
	    criteria: string;
	    methods: string[];
	    startDate: string;
	    endDate: string;
	    auditorId: string;
	    auditorName: string;
	    auditeeIds: string[];
	    independence: string;
	    status: string;
	    checklist: ChecklistItem[];
	    conclusion: string;
	    reportDate: string;
	    closedById: string;
	    closedOn: string;
	    positivePractices?: string;
	    distribution?: string;
	
	    static createFrom(source: any = {}) {
	        return new Audit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.scope = source["scope"];
	        this.objectives = source["objectives"];
	        this.criteria = source["criteria"];
	        this.methods = source["methods"];
	        this.startDate = source["startDate"];
	        this.endDate = source["endDate"];
	        this.auditorId = source["auditorId"];
	        this.auditorName = source["auditorName"];
	        this.auditeeIds = source["auditeeIds"];
	        this.independence = source["independence"];
	        this.status = source["status"];
	        this.checklist = this.convertValues(source["checklist"], ChecklistItem);
	        this.conclusion = source["conclusion"];
	        this.reportDate = source["reportDate"];
	        this.closedById = source["closedById"];
	        this.closedOn = source["closedOn"];
	        this.positivePractices = source["positivePractices"];
	        this.distribution = source["distribution"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Campaign {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    ref: string;
	    title: string;
	    description: string;
	    channels: string[];
	    audience: string;
	    roleIds: string[];
	    audienceSize: number;
	    startDate: string;
	    endDate: string;
	    status: string;
	    ownerId: string;
	
	    static createFrom(source: any = {}) {
	        return new Campaign(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.description = source["description"];
	        this.channels = source["channels"];
	        this.audience = source["audience"];
	        this.roleIds = source["roleIds"];
	        this.audienceSize = source["audienceSize"];
	        this.startDate = source["startDate"];
	        this.endDate = source["endDate"];
	        this.status = source["status"];
	        this.ownerId = source["ownerId"];
	    }
	}
	
	export class Clause {
	    ref: string;
	    title: string;
	
	    static createFrom(source: any = {}) {
	        return new Clause(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ref = source["ref"];
	        this.title = source["title"];
	    }
	}
	export class Communication {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    subject: string;
	    date: string;
	    audience: string;
	    roleIds: string[];
	    audienceSize: number;
	    channel: string;
	    recipientIds: string[];
	    reach: number;
	    ownerId: string;
	    campaignId: string;
	    notes: string;
	
	    static createFrom(source: any = {}) {
	        return new Communication(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.subject = source["subject"];
	        this.date = source["date"];
	        this.audience = source["audience"];
	        this.roleIds = source["roleIds"];
	        this.audienceSize = source["audienceSize"];
	        this.channel = source["channel"];
	        this.recipientIds = source["recipientIds"];
	        this.reach = source["reach"];
	        this.ownerId = source["ownerId"];
	        this.campaignId = source["campaignId"];
	        this.notes = source["notes"];
	    }
	}
	export class ControlTask {
	    title: string;
	    ownerId: string;
	    dueDate: string;
	    done: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ControlTask(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = source["title"];
	        this.ownerId = source["ownerId"];
	        this.dueDate = source["dueDate"];
	        this.done = source["done"];
	    }
	}
	export class Control {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    ref: string;
	    title: string;
	    theme: string;
	    custom: boolean;
	    description: string;
	    applicability: string;
	    justification: string;
	    status: string;
	    ownerId: string;
	    implementationPlan: string;
	    metric: string;
	    evidence: string;
	    dueDate: string;
	    kpiIds: string[];
	    notes: string;
	    reasons: string[];
	    tasks: ControlTask[];
	    controlTypes: string[];
	    securityProperties: string[];
	    cybersecurityConcepts: string[];
	    operationalCapabilities: string[];
	    securityDomains: string[];
	
	    static createFrom(source: any = {}) {
	        return new Control(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.theme = source["theme"];
	        this.custom = source["custom"];
	        this.description = source["description"];
	        this.applicability = source["applicability"];
	        this.justification = source["justification"];
	        this.status = source["status"];
	        this.ownerId = source["ownerId"];
	        this.implementationPlan = source["implementationPlan"];
	        this.metric = source["metric"];
	        this.evidence = source["evidence"];
	        this.dueDate = source["dueDate"];
	        this.kpiIds = source["kpiIds"];
	        this.notes = source["notes"];
	        this.reasons = source["reasons"];
	        this.tasks = this.convertValues(source["tasks"], ControlTask);
	        this.controlTypes = source["controlTypes"];
	        this.securityProperties = source["securityProperties"];
	        this.cybersecurityConcepts = source["cybersecurityConcepts"];
	        this.operationalCapabilities = source["operationalCapabilities"];
	        this.securityDomains = source["securityDomains"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Decision {
	    text: string;
	    category: string;
	    actionIds: string[];
	
	    static createFrom(source: any = {}) {
	        return new Decision(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.text = source["text"];
	        this.category = source["category"];
	        this.actionIds = source["actionIds"];
	    }
	}
	export class Effectiveness {
	    reviewedOn: string;
	    verdict: string;
	    reviewerId: string;
	    comment: string;
	
	    static createFrom(source: any = {}) {
	        return new Effectiveness(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.reviewedOn = source["reviewedOn"];
	        this.verdict = source["verdict"];
	        this.reviewerId = source["reviewerId"];
	        this.comment = source["comment"];
	    }
	}
	export class Evidence {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    title: string;
	    targetKind: string;
	    targetId: string;
	    fileName: string;
	    sha256: string;
	    size: number;
	    mediaType: string;
	    url: string;
	    addedById: string;
	    addedOn: string;
	    expiresOn: string;
	    notes: string;
	
	    static createFrom(source: any = {}) {
	        return new Evidence(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.title = source["title"];
	        this.targetKind = source["targetKind"];
	        this.targetId = source["targetId"];
	        this.fileName = source["fileName"];
	        this.sha256 = source["sha256"];
	        this.size = source["size"];
	        this.mediaType = source["mediaType"];
	        this.url = source["url"];
	        this.addedById = source["addedById"];
	        this.addedOn = source["addedOn"];
	        this.expiresOn = source["expiresOn"];
	        this.notes = source["notes"];
	    }
	}
	export class Feedback {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    surveyId: string;
	    date: string;
	    from: string;
	    partyId: string;
	    text: string;
	    sentiment: string;
	    status: string;
	    response: string;
	    improvementId: string;
	    nonconformityId: string;
	
	    static createFrom(source: any = {}) {
	        return new Feedback(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.surveyId = source["surveyId"];
	        this.date = source["date"];
	        this.from = source["from"];
	        this.partyId = source["partyId"];
	        this.text = source["text"];
	        this.sentiment = source["sentiment"];
	        this.status = source["status"];
	        this.response = source["response"];
	        this.improvementId = source["improvementId"];
	        this.nonconformityId = source["nonconformityId"];
	    }
	}
	export class Finding {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    auditId: string;
	    ref: string;
	    title: string;
	    description: string;
	    severity: string;
	    clause: string;
	    nonconformityId: string;
	
	    static createFrom(source: any = {}) {
	        return new Finding(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.auditId = source["auditId"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.description = source["description"];
	        this.severity = source["severity"];
	        this.clause = source["clause"];
	        this.nonconformityId = source["nonconformityId"];
	    }
	}
	export class Improvement {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    ref: string;
	    title: string;
	    goal: string;
	    description: string;
	    ownerId: string;
	    status: string;
	    startDate: string;
	    dueDate: string;
	    completedOn: string;
	    outcome: string;
	    reviewId: string;
	    feedbackIds: string[];
	    nonconformityIds: string[];
	    riskIds: string[];
	
	    static createFrom(source: any = {}) {
	        return new Improvement(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.goal = source["goal"];
	        this.description = source["description"];
	        this.ownerId = source["ownerId"];
	        this.status = source["status"];
	        this.startDate = source["startDate"];
	        this.dueDate = source["dueDate"];
	        this.completedOn = source["completedOn"];
	        this.outcome = source["outcome"];
	        this.reviewId = source["reviewId"];
	        this.feedbackIds = source["feedbackIds"];
	        this.nonconformityIds = source["nonconformityIds"];
	        this.riskIds = source["riskIds"];
	    }
	}
	export class Issue {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    ref: string;
	    title: string;
	    type: string;
	    category: string;
	    description: string;
	    impact: string;
	    ownerId: string;
	    status: string;
	    dateIdentified: string;
	    lastReviewed: string;
	    nextReview: string;
	    changedSinceReview: boolean;
	    changeNote: string;
	    riskIds: string[];
	
	    static createFrom(source: any = {}) {
	        return new Issue(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.type = source["type"];
	        this.category = source["category"];
	        this.description = source["description"];
	        this.impact = source["impact"];
	        this.ownerId = source["ownerId"];
	        this.status = source["status"];
	        this.dateIdentified = source["dateIdentified"];
	        this.lastReviewed = source["lastReviewed"];
	        this.nextReview = source["nextReview"];
	        this.changedSinceReview = source["changedSinceReview"];
	        this.changeNote = source["changeNote"];
	        this.riskIds = source["riskIds"];
	    }
	}
	export class KPI {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    ref: string;
	    name: string;
	    description: string;
	    method: string;
	    frequency: string;
	    unit: string;
	    target: number;
	    direction: string;
	    amber: number;
	    ownerId: string;
	    objectiveId: string;
	    controlId: string;
	    active: boolean;
	    source: string;
	
	    static createFrom(source: any = {}) {
	        return new KPI(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.ref = source["ref"];
	        this.name = source["name"];
	        this.description = source["description"];
	        this.method = source["method"];
	        this.frequency = source["frequency"];
	        this.unit = source["unit"];
	        this.target = source["target"];
	        this.direction = source["direction"];
	        this.amber = source["amber"];
	        this.ownerId = source["ownerId"];
	        this.objectiveId = source["objectiveId"];
	        this.controlId = source["controlId"];
	        this.active = source["active"];
	        this.source = source["source"];
	    }
	}
	export class Measurement {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    kpiId: string;
	    date: string;
	    value: number;
	    note: string;
	    source: string;
	
	    static createFrom(source: any = {}) {
	        return new Measurement(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.kpiId = source["kpiId"];
	        this.date = source["date"];
	        this.value = source["value"];
	        this.note = source["note"];
	        this.source = source["source"];
	    }
	}
	export class Metric {
	    source: string;
	    label: string;
	    method: string;
	    unit: string;
	    direction: string;
	    target: number;
	    amber: number;
	
	    static createFrom(source: any = {}) {
	        return new Metric(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.source = source["source"];
	        this.label = source["label"];
	        this.method = source["method"];
	        this.unit = source["unit"];
	        this.direction = source["direction"];
	        this.target = source["target"];
	        this.amber = source["amber"];
	    }
	}
	export class Milestone {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    title: string;
	    month: number;
	    description: string;
	    dueDate: string;
	    status: string;
	    order: number;
	    ownerId: string;
	    completedOn: string;
	
	    static createFrom(source: any = {}) {
	        return new Milestone(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.title = source["title"];
	        this.month = source["month"];
	        this.description = source["description"];
	        this.dueDate = source["dueDate"];
	        this.status = source["status"];
	        this.order = source["order"];
	        this.ownerId = source["ownerId"];
	        this.completedOn = source["completedOn"];
	    }
	}
	export class NCAgeing {
	    id: string;
	    daysOpen: number;
	    stepOverdue: string;
	    daysOverdue: number;
	    overdueActions: string[];
	
	    static createFrom(source: any = {}) {
	        return new NCAgeing(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.daysOpen = source["daysOpen"];
	        this.stepOverdue = source["stepOverdue"];
	        this.daysOverdue = source["daysOverdue"];
	        this.overdueActions = source["overdueActions"];
	    }
	}
	export class Nonconformity {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    ref: string;
	    title: string;
	    description: string;
	    source: string;
	    findingId: string;
	    reviewId: string;
	    feedbackId: string;
	    detectedOn: string;
	    ownerId: string;
	    status: string;
	    correction: string;
	    correctionOn: string;
	    rootCause: string;
	    similarCheck: string;
	    correctiveActionIds: string[];
	    effectiveness: Effectiveness;
	    closedOn: string;
	    dueDate: string;
	
	    static createFrom(source: any = {}) {
	        return new Nonconformity(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.description = source["description"];
	        this.source = source["source"];
	        this.findingId = source["findingId"];
	        this.reviewId = source["reviewId"];
	        this.feedbackId = source["feedbackId"];
	        this.detectedOn = source["detectedOn"];
	        this.ownerId = source["ownerId"];
	        this.status = source["status"];
	        this.correction = source["correction"];
	        this.correctionOn = source["correctionOn"];
	        this.rootCause = source["rootCause"];
	        this.similarCheck = source["similarCheck"];
	        this.correctiveActionIds = source["correctiveActionIds"];
	        this.effectiveness = this.convertValues(source["effectiveness"], Effectiveness);
	        this.closedOn = source["closedOn"];
	        this.dueDate = source["dueDate"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Objective {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    ref: string;
	    title: string;
	    statement: string;
	    businessGoal: string;
	    measure: string;
	    target: number;
	    unit: string;
	    ownerId: string;
	    dueDate: string;
	    status: string;
	    approvedById: string;
	    approvedOn: string;
	    approvalHow: string;
	    approvalRef: string;
	    kpiIds: string[];
	    notes: string;
	
	    static createFrom(source: any = {}) {
	        return new Objective(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.statement = source["statement"];
	        this.businessGoal = source["businessGoal"];
	        this.measure = source["measure"];
	        this.target = source["target"];
	        this.unit = source["unit"];
	        this.ownerId = source["ownerId"];
	        this.dueDate = source["dueDate"];
	        this.status = source["status"];
	        this.approvedById = source["approvedById"];
	        this.approvedOn = source["approvedOn"];
	        this.approvalHow = source["approvalHow"];
	        this.approvalRef = source["approvalRef"];
	        this.kpiIds = source["kpiIds"];
	        this.notes = source["notes"];
	    }
	}
	export class Option {
	    value: string;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new Option(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.value = source["value"];
	        this.label = source["label"];
	    }
	}
	export class RiskMethod {
	    likelihood: string[];
	    impact: string[];
	    threshold: number;
	
	    static createFrom(source: any = {}) {
	        return new RiskMethod(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.likelihood = source["likelihood"];
	        this.impact = source["impact"];
	        this.threshold = source["threshold"];
	    }
	}
	export class Organisation {
	    name: string;
	    scope: string;
	    classification: string;
	    riskMethod: RiskMethod;
	
	    static createFrom(source: any = {}) {
	        return new Organisation(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.scope = source["scope"];
	        this.classification = source["classification"];
	        this.riskMethod = this.convertValues(source["riskMethod"], RiskMethod);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Party {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    ref: string;
	    name: string;
	    category: string;
	    internal: boolean;
	    needs: string;
	    influence: string;
	    ownerId: string;
	    lastReviewed: string;
	    nextReview: string;
	    changedSinceReview: boolean;
	    changeNote: string;
	    requirementIds: string[];
	    notes: string;
	
	    static createFrom(source: any = {}) {
	        return new Party(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.ref = source["ref"];
	        this.name = source["name"];
	        this.category = source["category"];
	        this.internal = source["internal"];
	        this.needs = source["needs"];
	        this.influence = source["influence"];
	        this.ownerId = source["ownerId"];
	        this.lastReviewed = source["lastReviewed"];
	        this.nextReview = source["nextReview"];
	        this.changedSinceReview = source["changedSinceReview"];
	        this.changeNote = source["changeNote"];
	        this.requirementIds = source["requirementIds"];
	        this.notes = source["notes"];
	    }
	}
	export class Person {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    name: string;
	    email: string;
	    department: string;
	    jobTitle: string;
	    roleIds: string[];
	    active: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Person(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.name = source["name"];
	        this.email = source["email"];
	        this.department = source["department"];
	        this.jobTitle = source["jobTitle"];
	        this.roleIds = source["roleIds"];
	        this.active = source["active"];
	    }
	}
	export class PolicyReview {
	    on: string;
	    reviewerId: string;
	    outcome: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new PolicyReview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.on = source["on"];
	        this.reviewerId = source["reviewerId"];
	        this.outcome = source["outcome"];
	        this.note = source["note"];
	    }
	}
	export class PolicyVersion {
	    number: string;
	    summary: string;
	    text: string;
	    status: string;
	    authorId: string;
	    createdOn: string;
	    publishedOn: string;
	    approvals: Approval[];
	    acknowledgements: Acknowledgement[];
	
	    static createFrom(source: any = {}) {
	        return new PolicyVersion(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.number = source["number"];
	        this.summary = source["summary"];
	        this.text = source["text"];
	        this.status = source["status"];
	        this.authorId = source["authorId"];
	        this.createdOn = source["createdOn"];
	        this.publishedOn = source["publishedOn"];
	        this.approvals = this.convertValues(source["approvals"], Approval);
	        this.acknowledgements = this.convertValues(source["acknowledgements"], Acknowledgement);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Policy {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    ref: string;
	    title: string;
	    docType: string;
	    status: string;
	    ownerId: string;
	    approverId: string;
	    reviewCycleMonths: number;
	    lastReviewed: string;
	    nextReviewDate: string;
	    versions: PolicyVersion[];
	    controlIds: string[];
	    reviews: PolicyReview[];
	
	    static createFrom(source: any = {}) {
	        return new Policy(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.docType = source["docType"];
	        this.status = source["status"];
	        this.ownerId = source["ownerId"];
	        this.approverId = source["approverId"];
	        this.reviewCycleMonths = source["reviewCycleMonths"];
	        this.lastReviewed = source["lastReviewed"];
	        this.nextReviewDate = source["nextReviewDate"];
	        this.versions = this.convertValues(source["versions"], PolicyVersion);
	        this.controlIds = source["controlIds"];
	        this.reviews = this.convertValues(source["reviews"], PolicyReview);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PolicyDecision {
	    approverId: string;
	    role: string;
	    method: string;
	    comment: string;
	    at: string;
	
	    static createFrom(source: any = {}) {
	        return new PolicyDecision(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.approverId = source["approverId"];
	        this.role = source["role"];
	        this.method = source["method"];
	        this.comment = source["comment"];
	        this.at = source["at"];
	    }
	}
	
	export class PolicyTemplate {
	    id: string;
	    ref: string;
	    title: string;
	    docType: string;
	    summary: string;
	    reviewCycleMonths: number;
	    controlRefs: string[];
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new PolicyTemplate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.docType = source["docType"];
	        this.summary = source["summary"];
	        this.reviewCycleMonths = source["reviewCycleMonths"];
	        this.controlRefs = source["controlRefs"];
	        this.text = source["text"];
	    }
	}
	
	export class PresentedLine {
	    kind: string;
	    id: string;
	    text: string;
	    flag: string;
	
	    static createFrom(source: any = {}) {
	        return new PresentedLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.id = source["id"];
	        this.text = source["text"];
	        this.flag = source["flag"];
	    }
	}
	export class PresentedInput {
	    topic: string;
	    name: string;
	    summary: string;
	    lines: PresentedLine[];
	    more: number;
	
	    static createFrom(source: any = {}) {
	        return new PresentedInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.topic = source["topic"];
	        this.name = source["name"];
	        this.summary = source["summary"];
	        this.lines = this.convertValues(source["lines"], PresentedLine);
	        this.more = source["more"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Requirement {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    ref: string;
	    title: string;
	    text: string;
	    sourceType: string;
	    source: string;
	    ownerId: string;
	    applicable: boolean;
	    status: string;
	    evidence: string;
	    dueDate: string;
	    notes: string;
	    controlIds: string[];
	    policyIds: string[];
	
	    static createFrom(source: any = {}) {
	        return new Requirement(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.text = source["text"];
	        this.sourceType = source["sourceType"];
	        this.source = source["source"];
	        this.ownerId = source["ownerId"];
	        this.applicable = source["applicable"];
	        this.status = source["status"];
	        this.evidence = source["evidence"];
	        this.dueDate = source["dueDate"];
	        this.notes = source["notes"];
	        this.controlIds = source["controlIds"];
	        this.policyIds = source["policyIds"];
	    }
	}
	export class ReviewSignOff {
	    byId: string;
	    on: string;
	    how: string;
	    ref: string;
	
	    static createFrom(source: any = {}) {
	        return new ReviewSignOff(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.byId = source["byId"];
	        this.on = source["on"];
	        this.how = source["how"];
	        this.ref = source["ref"];
	    }
	}
	export class ReviewConclusion {
	    suitability: string;
	    adequacy: string;
	    effectiveness: string;
	
	    static createFrom(source: any = {}) {
	        return new ReviewConclusion(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.suitability = source["suitability"];
	        this.adequacy = source["adequacy"];
	        this.effectiveness = source["effectiveness"];
	    }
	}
	export class ReviewSnapshot {
	    takenOn: string;
	    since: string;
	    until: string;
	    period: string;
	    previousReviewId: string;
	    previousRef: string;
	    inputs: PresentedInput[];
	    carriedActionIds: string[];
	    sha256: string;
	
	    static createFrom(source: any = {}) {
	        return new ReviewSnapshot(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.takenOn = source["takenOn"];
	        this.since = source["since"];
	        this.until = source["until"];
	        this.period = source["period"];
	        this.previousReviewId = source["previousReviewId"];
	        this.previousRef = source["previousRef"];
	        this.inputs = this.convertValues(source["inputs"], PresentedInput);
	        this.carriedActionIds = source["carriedActionIds"];
	        this.sha256 = source["sha256"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ReviewInput {
	    topic: string;
	    summary: string;
	    minutes: string;
	
	    static createFrom(source: any = {}) {
	        return new ReviewInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.topic = source["topic"];
	        this.summary = source["summary"];
	        this.minutes = source["minutes"];
	    }
	}
	export class Review {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    ref: string;
	    title: string;
	    date: string;
	    status: string;
	    chairId: string;
	    attendeeIds: string[];
	    inputs: ReviewInput[];
	    decisions: Decision[];
	    minutes: string;
	    previousReviewId: string;
	    snapshot?: ReviewSnapshot;
	    conclusion: ReviewConclusion;
	    signOff: ReviewSignOff;
	    nextReviewDate: string;
	
	    static createFrom(source: any = {}) {
	        return new Review(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.date = source["date"];
	        this.status = source["status"];
	        this.chairId = source["chairId"];
	        this.attendeeIds = source["attendeeIds"];
	        this.inputs = this.convertValues(source["inputs"], ReviewInput);
	        this.decisions = this.convertValues(source["decisions"], Decision);
	        this.minutes = source["minutes"];
	        this.previousReviewId = source["previousReviewId"];
	        this.snapshot = this.convertValues(source["snapshot"], ReviewSnapshot);
	        this.conclusion = this.convertValues(source["conclusion"], ReviewConclusion);
	        this.signOff = this.convertValues(source["signOff"], ReviewSignOff);
	        this.nextReviewDate = source["nextReviewDate"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	
	export class RiskAcceptance {
	    acceptedById: string;
	    acceptedOn: string;
	    comment: string;
	
	    static createFrom(source: any = {}) {
	        return new RiskAcceptance(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.acceptedById = source["acceptedById"];
	        this.acceptedOn = source["acceptedOn"];
	        this.comment = source["comment"];
	    }
	}
	export class Risk {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    ref: string;
	    title: string;
	    description: string;
	    asset: string;
	    threat: string;
	    vulnerability: string;
	    likelihood: number;
	    impact: number;
	    ownerId: string;
	    status: string;
	    treatment: string;
	    treatmentPlan: string;
	    controlIds: string[];
	    actionIds: string[];
	    residualLikelihood: number;
	    residualImpact: number;
	    acceptance: RiskAcceptance;
	    identifiedOn: string;
	    reviewDate: string;
	
	    static createFrom(source: any = {}) {
	        return new Risk(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.description = source["description"];
	        this.asset = source["asset"];
	        this.threat = source["threat"];
	        this.vulnerability = source["vulnerability"];
	        this.likelihood = source["likelihood"];
	        this.impact = source["impact"];
	        this.ownerId = source["ownerId"];
	        this.status = source["status"];
	        this.treatment = source["treatment"];
	        this.treatmentPlan = source["treatmentPlan"];
	        this.controlIds = source["controlIds"];
	        this.actionIds = source["actionIds"];
	        this.residualLikelihood = source["residualLikelihood"];
	        this.residualImpact = source["residualImpact"];
	        this.acceptance = this.convertValues(source["acceptance"], RiskAcceptance);
	        this.identifiedOn = source["identifiedOn"];
	        this.reviewDate = source["reviewDate"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class RiskRelevel {
	    riskId: string;
	    ref: string;
	    title: string;
	    status: string;
	    score: number;
	    level: string;
	    newLevel: string;
	    residualScore: number;
	    residualLevel: string;
	    newResidualLevel: string;
	    withdrawn: boolean;
	
	    static createFrom(source: any = {}) {
	        return new RiskRelevel(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.riskId = source["riskId"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.status = source["status"];
	        this.score = source["score"];
	        this.level = source["level"];
	        this.newLevel = source["newLevel"];
	        this.residualScore = source["residualScore"];
	        this.residualLevel = source["residualLevel"];
	        this.newResidualLevel = source["newResidualLevel"];
	        this.withdrawn = source["withdrawn"];
	    }
	}
	export class RiskMethodChange {
	    risks: RiskRelevel[];
	    relevel: number;
	    withdrawn: number;
	
	    static createFrom(source: any = {}) {
	        return new RiskMethodChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.risks = this.convertValues(source["risks"], RiskRelevel);
	        this.relevel = source["relevel"];
	        this.withdrawn = source["withdrawn"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Role {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    name: string;
	    responsibilities: string;
	    standard: boolean;
	    areas: string[];
	
	    static createFrom(source: any = {}) {
	        return new Role(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.name = source["name"];
	        this.responsibilities = source["responsibilities"];
	        this.standard = source["standard"];
	        this.areas = source["areas"];
	    }
	}
	export class SMARTCheck {
	    field: string;
	    label: string;
	    present: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SMARTCheck(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.label = source["label"];
	        this.present = source["present"];
	    }
	}
	export class SurveyQuestion {
	    text: string;
	    result: string;
	    score: number;
	    answers: number;
	
	    static createFrom(source: any = {}) {
	        return new SurveyQuestion(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.text = source["text"];
	        this.result = source["result"];
	        this.score = source["score"];
	        this.answers = source["answers"];
	    }
	}
	export class Survey {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    ref: string;
	    title: string;
	    type: string;
	    date: string;
	    audience: string;
	    partyId: string;
	    respondents: number;
	    questions: SurveyQuestion[];
	    summary: string;
	    ownerId: string;
	
	    static createFrom(source: any = {}) {
	        return new Survey(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.type = source["type"];
	        this.date = source["date"];
	        this.audience = source["audience"];
	        this.partyId = source["partyId"];
	        this.respondents = source["respondents"];
	        this.questions = this.convertValues(source["questions"], SurveyQuestion);
	        this.summary = source["summary"];
	        this.ownerId = source["ownerId"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Training {
	    id: string;
	    version: number;
	    createdAt: string;
	    updatedAt: string;
	    ref: string;
	    topic: string;
	    description: string;
	    roleIds: string[];
	    date: string;
	    trainer: string;
	    materials: string;
	    required: boolean;
	    renewalMonths: number;
	    durationHours: number;
	    status: string;
	    ownerId: string;
	    effectiveness: string;
	
	    static createFrom(source: any = {}) {
	        return new Training(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.ref = source["ref"];
	        this.topic = source["topic"];
	        this.description = source["description"];
	        this.roleIds = source["roleIds"];
	        this.date = source["date"];
	        this.trainer = source["trainer"];
	        this.materials = source["materials"];
	        this.required = source["required"];
	        this.renewalMonths = source["renewalMonths"];
	        this.durationHours = source["durationHours"];
	        this.status = source["status"];
	        this.ownerId = source["ownerId"];
	        this.effectiveness = source["effectiveness"];
	    }
	}

}

export namespace overview {
	
	export class AgendaLine {
	    kind: string;
	    id: string;
	    text: string;
	    flag: string;
	
	    static createFrom(source: any = {}) {
	        return new AgendaLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.id = source["id"];
	        this.text = source["text"];
	        this.flag = source["flag"];
	    }
	}
	export class AgendaInput {
	    topic: string;
	    name: string;
	    summary: string;
	    lines: AgendaLine[];
	    more: number;
	
	    static createFrom(source: any = {}) {
	        return new AgendaInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.topic = source["topic"];
	        this.name = source["name"];
	        this.summary = source["summary"];
	        this.lines = this.convertValues(source["lines"], AgendaLine);
	        this.more = source["more"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class ProgrammeCover {
	    auditId: string;
	    ref: string;
	    status: string;
	    items: number;
	
	    static createFrom(source: any = {}) {
	        return new ProgrammeCover(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.auditId = source["auditId"];
	        this.ref = source["ref"];
	        this.status = source["status"];
	        this.items = source["items"];
	    }
	}
	export class ProgrammeCell {
	    year: number;
	    audits: ProgrammeCover[];
	
	    static createFrom(source: any = {}) {
	        return new ProgrammeCell(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.year = source["year"];
	        this.audits = this.convertValues(source["audits"], ProgrammeCover);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ProgrammeArea {
	    ref: string;
	    kind: string;
	    title: string;
	    total: number;
	    covered: number;
	    cells: ProgrammeCell[];
	    undated: ProgrammeCover[];
	    gap: boolean;
	    notApplicable: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ProgrammeArea(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ref = source["ref"];
	        this.kind = source["kind"];
	        this.title = source["title"];
	        this.total = source["total"];
	        this.covered = source["covered"];
	        this.cells = this.convertValues(source["cells"], ProgrammeCell);
	        this.undated = this.convertValues(source["undated"], ProgrammeCover);
	        this.gap = source["gap"];
	        this.notApplicable = source["notApplicable"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ProgrammeAudit {
	    auditId: string;
	    ref: string;
	    title: string;
	    status: string;
	    startDate: string;
	    year: number;
	
	    static createFrom(source: any = {}) {
	        return new ProgrammeAudit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.auditId = source["auditId"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.status = source["status"];
	        this.startDate = source["startDate"];
	        this.year = source["year"];
	    }
	}
	export class AuditProgramme {
	    from: number;
	    to: number;
	    years: number[];
	    audits: ProgrammeAudit[];
	    areas: ProgrammeArea[];
	    gaps: number;
	
	    static createFrom(source: any = {}) {
	        return new AuditProgramme(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.to = source["to"];
	        this.years = source["years"];
	        this.audits = this.convertValues(source["audits"], ProgrammeAudit);
	        this.areas = this.convertValues(source["areas"], ProgrammeArea);
	        this.gaps = source["gaps"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Bucket {
	    status: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new Bucket(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.status = source["status"];
	        this.count = source["count"];
	    }
	}
	export class FieldChange {
	    field: string;
	    before: string;
	    after: string;
	
	    static createFrom(source: any = {}) {
	        return new FieldChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.before = source["before"];
	        this.after = source["after"];
	    }
	}
	export class Change {
	    seq: number;
	    at: string;
	    op: string;
	    source: string;
	    hash: string;
	    changes: FieldChange[];
	
	    static createFrom(source: any = {}) {
	        return new Change(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.seq = source["seq"];
	        this.at = source["at"];
	        this.op = source["op"];
	        this.source = source["source"];
	        this.hash = source["hash"];
	        this.changes = this.convertValues(source["changes"], FieldChange);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Contradiction {
	    requirementId: string;
	    ref: string;
	    title: string;
	    kind: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new Contradiction(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.requirementId = source["requirementId"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.kind = source["kind"];
	        this.message = source["message"];
	    }
	}
	export class MilestoneState {
	    id: string;
	    title: string;
	    month: number;
	    dueDate: string;
	    owner: string;
	    link: string;
	
	    static createFrom(source: any = {}) {
	        return new MilestoneState(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = source["title"];
	        this.month = source["month"];
	        this.dueDate = source["dueDate"];
	        this.owner = source["owner"];
	        this.link = source["link"];
	    }
	}
	export class TimelineState {
	    total: number;
	    done: number;
	    due: number;
	    overdue: number;
	    dueIds: string[];
	    overdueIds: string[];
	    next?: MilestoneState;
	
	    static createFrom(source: any = {}) {
	        return new TimelineState(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.total = source["total"];
	        this.done = source["done"];
	        this.due = source["due"];
	        this.overdue = source["overdue"];
	        this.dueIds = source["dueIds"];
	        this.overdueIds = source["overdueIds"];
	        this.next = this.convertValues(source["next"], MilestoneState);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class NCBucket {
	    age: string;
	    grade: string;
	    count: number;
	    ids: string[];
	
	    static createFrom(source: any = {}) {
	        return new NCBucket(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.age = source["age"];
	        this.grade = source["grade"];
	        this.count = source["count"];
	        this.ids = source["ids"];
	    }
	}
	export class ThemeState {
	    theme: string;
	    label: string;
	    applicable: number;
	    implemented: number;
	    inProgress: number;
	    planned: number;
	    notStarted: number;
	
	    static createFrom(source: any = {}) {
	        return new ThemeState(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.theme = source["theme"];
	        this.label = source["label"];
	        this.applicable = source["applicable"];
	        this.implemented = source["implemented"];
	        this.inProgress = source["inProgress"];
	        this.planned = source["planned"];
	        this.notStarted = source["notStarted"];
	    }
	}
	export class RAGCount {
	    green: number;
	    amber: number;
	    red: number;
	    unmeasured: number;
	
	    static createFrom(source: any = {}) {
	        return new RAGCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.green = source["green"];
	        this.amber = source["amber"];
	        this.red = source["red"];
	        this.unmeasured = source["unmeasured"];
	    }
	}
	export class KPIState {
	    id: string;
	    ref: string;
	    name: string;
	    unit: string;
	    target: number;
	    rag: string;
	    latest: number;
	    latestOn: string;
	    values: number[];
	    link: string;
	
	    static createFrom(source: any = {}) {
	        return new KPIState(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.ref = source["ref"];
	        this.name = source["name"];
	        this.unit = source["unit"];
	        this.target = source["target"];
	        this.rag = source["rag"];
	        this.latest = source["latest"];
	        this.latestOn = source["latestOn"];
	        this.values = source["values"];
	        this.link = source["link"];
	    }
	}
	export class ObjectiveState {
	    id: string;
	    ref: string;
	    title: string;
	    status: string;
	    owner: string;
	    dueDate: string;
	    late: boolean;
	    percent: number;
	    kpis: number;
	    measured: number;
	    rag: string;
	    link: string;
	
	    static createFrom(source: any = {}) {
	        return new ObjectiveState(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.status = source["status"];
	        this.owner = source["owner"];
	        this.dueDate = source["dueDate"];
	        this.late = source["late"];
	        this.percent = source["percent"];
	        this.kpis = source["kpis"];
	        this.measured = source["measured"];
	        this.rag = source["rag"];
	        this.link = source["link"];
	    }
	}
	export class Decision {
	    key: string;
	    sort: string;
	    ask: string;
	    kind: string;
	    id: string;
	    ref: string;
	    title: string;
	    what: string;
	    who: string;
	    owner: string;
	    when: string;
	    note: string;
	    since: string;
	    link: string;
	    escalation: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Decision(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.sort = source["sort"];
	        this.ask = source["ask"];
	        this.kind = source["kind"];
	        this.id = source["id"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.what = source["what"];
	        this.who = source["who"];
	        this.owner = source["owner"];
	        this.when = source["when"];
	        this.note = source["note"];
	        this.since = source["since"];
	        this.link = source["link"];
	        this.escalation = source["escalation"];
	    }
	}
	export class DueItem {
	    key: string;
	    kind: string;
	    type: string;
	    typeLabel: string;
	    id: string;
	    ref: string;
	    title: string;
	    what: string;
	    due: string;
	    overdue: boolean;
	    days: number;
	    personId: string;
	    who: string;
	    link: string;
	
	    static createFrom(source: any = {}) {
	        return new DueItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.kind = source["kind"];
	        this.type = source["type"];
	        this.typeLabel = source["typeLabel"];
	        this.id = source["id"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.what = source["what"];
	        this.due = source["due"];
	        this.overdue = source["overdue"];
	        this.days = source["days"];
	        this.personId = source["personId"];
	        this.who = source["who"];
	        this.link = source["link"];
	    }
	}
	export class KindCount {
	    kind: string;
	    plural: string;
	    label: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new KindCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.plural = source["plural"];
	        this.label = source["label"];
	        this.count = source["count"];
	    }
	}
	export class Dashboard {
	    counts: KindCount[];
	    requirementStatuses: Bucket[];
	    controlStatuses: Bucket[];
	    nonconformityStatuses: Bucket[];
	    overdue: DueItem[];
	    upcoming: DueItem[];
	    decisions: Decision[];
	    objectives: ObjectiveState[];
	    kpis: KPIState[];
	    kpiRag: RAGCount;
	    themes: ThemeState[];
	    openNcs: NCBucket[];
	    timeline: TimelineState;
	
	    static createFrom(source: any = {}) {
	        return new Dashboard(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.counts = this.convertValues(source["counts"], KindCount);
	        this.requirementStatuses = this.convertValues(source["requirementStatuses"], Bucket);
	        this.controlStatuses = this.convertValues(source["controlStatuses"], Bucket);
	        this.nonconformityStatuses = this.convertValues(source["nonconformityStatuses"], Bucket);
	        this.overdue = this.convertValues(source["overdue"], DueItem);
	        this.upcoming = this.convertValues(source["upcoming"], DueItem);
	        this.decisions = this.convertValues(source["decisions"], Decision);
	        this.objectives = this.convertValues(source["objectives"], ObjectiveState);
	        this.kpis = this.convertValues(source["kpis"], KPIState);
	        this.kpiRag = this.convertValues(source["kpiRag"], RAGCount);
	        this.themes = this.convertValues(source["themes"], ThemeState);
	        this.openNcs = this.convertValues(source["openNcs"], NCBucket);
	        this.timeline = this.convertValues(source["timeline"], TimelineState);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class LinkView {
	    field: string;
	    kind: string;
	    kindLabel: string;
	    id: string;
	    ref: string;
	    title: string;
	    missing: boolean;
	
	    static createFrom(source: any = {}) {
	        return new LinkView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.kind = source["kind"];
	        this.kindLabel = source["kindLabel"];
	        this.id = source["id"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.missing = source["missing"];
	    }
	}
	export class Field {
	    name: string;
	    value: string;
	
	    static createFrom(source: any = {}) {
	        return new Field(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.value = source["value"];
	    }
	}
	export class Row {
	    kind: string;
	    id: string;
	    ref: string;
	    title: string;
	    status: string;
	    ownerId: string;
	    ownerName: string;
	    due: string;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Row(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.id = source["id"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.status = source["status"];
	        this.ownerId = source["ownerId"];
	        this.ownerName = source["ownerName"];
	        this.due = source["due"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	export class Detail {
	    row: Row;
	    fields: Field[];
	    history: Change[];
	    links: LinkView[];
	    backlinks: LinkView[];
	
	    static createFrom(source: any = {}) {
	        return new Detail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.row = this.convertValues(source["row"], Row);
	        this.fields = this.convertValues(source["fields"], Field);
	        this.history = this.convertValues(source["history"], Change);
	        this.links = this.convertValues(source["links"], LinkView);
	        this.backlinks = this.convertValues(source["backlinks"], LinkView);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	export class GapSource {
	    sourceType: string;
	    label: string;
	    applicable: number;
	    covered: number;
	    partial: number;
	    gap: number;
	    notApplicable: number;
	
	    static createFrom(source: any = {}) {
	        return new GapSource(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sourceType = source["sourceType"];
	        this.label = source["label"];
	        this.applicable = source["applicable"];
	        this.covered = source["covered"];
	        this.partial = source["partial"];
	        this.gap = source["gap"];
	        this.notApplicable = source["notApplicable"];
	    }
	}
	export class GapControl {
	    id: string;
	    ref: string;
	    title: string;
	    status: string;
	    implemented: boolean;
	    evidence: number;
	
	    static createFrom(source: any = {}) {
	        return new GapControl(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.status = source["status"];
	        this.implemented = source["implemented"];
	        this.evidence = source["evidence"];
	    }
	}
	export class GapItem {
	    id: string;
	    ref: string;
	    title: string;
	    sourceType: string;
	    status: string;
	    ownerId: string;
	    applicable: boolean;
	    coverage: string;
	    reason: string;
	    controls: GapControl[];
	    implemented: number;
	    policies: number;
	    evidence: number;
	    evidenceNoted: boolean;
	
	    static createFrom(source: any = {}) {
	        return new GapItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.sourceType = source["sourceType"];
	        this.status = source["status"];
	        this.ownerId = source["ownerId"];
	        this.applicable = source["applicable"];
	        this.coverage = source["coverage"];
	        this.reason = source["reason"];
	        this.controls = this.convertValues(source["controls"], GapControl);
	        this.implemented = source["implemented"];
	        this.policies = source["policies"];
	        this.evidence = source["evidence"];
	        this.evidenceNoted = source["evidenceNoted"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Gap {
	    requirements: GapItem[];
	    notApplicable: GapItem[];
	    sources: GapSource[];
	    total: GapSource;
	    contradictions: Contradiction[];
	    coverages: isms.Option[];
	
	    static createFrom(source: any = {}) {
	        return new Gap(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.requirements = this.convertValues(source["requirements"], GapItem);
	        this.notApplicable = this.convertValues(source["notApplicable"], GapItem);
	        this.sources = this.convertValues(source["sources"], GapSource);
	        this.total = this.convertValues(source["total"], GapSource);
	        this.contradictions = this.convertValues(source["contradictions"], Contradiction);
	        this.coverages = this.convertValues(source["coverages"], isms.Option);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	export class KPIReading {
	    kpiId: string;
	    ref: string;
	    name: string;
	    target: number;
	    unit: string;
	    value: number;
	    date: string;
	    rag: string;
	    attained: number;
	
	    static createFrom(source: any = {}) {
	        return new KPIReading(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kpiId = source["kpiId"];
	        this.ref = source["ref"];
	        this.name = source["name"];
	        this.target = source["target"];
	        this.unit = source["unit"];
	        this.value = source["value"];
	        this.date = source["date"];
	        this.rag = source["rag"];
	        this.attained = source["attained"];
	    }
	}
	
	
	
	
	
	export class ObjectiveProgress {
	    objectiveId: string;
	    percent: number;
	    measured: number;
	    rag: string;
	    kpis: KPIReading[];
	    smart: isms.SMARTCheck[];
	
	    static createFrom(source: any = {}) {
	        return new ObjectiveProgress(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.objectiveId = source["objectiveId"];
	        this.percent = source["percent"];
	        this.measured = source["measured"];
	        this.rag = source["rag"];
	        this.kpis = this.convertValues(source["kpis"], KPIReading);
	        this.smart = this.convertValues(source["smart"], isms.SMARTCheck);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	
	
	
	export class ReviewAgenda {
	    reviewId: string;
	    previousReviewId: string;
	    previousRef: string;
	    since: string;
	    until: string;
	    period: string;
	    inputs: AgendaInput[];
	    carriedActionIds: string[];
	    holdMissing: Record<string, string>;
	    closeMissing: Record<string, string>;
	
	    static createFrom(source: any = {}) {
	        return new ReviewAgenda(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.reviewId = source["reviewId"];
	        this.previousReviewId = source["previousReviewId"];
	        this.previousRef = source["previousRef"];
	        this.since = source["since"];
	        this.until = source["until"];
	        this.period = source["period"];
	        this.inputs = this.convertValues(source["inputs"], AgendaInput);
	        this.carriedActionIds = source["carriedActionIds"];
	        this.holdMissing = source["holdMissing"];
	        this.closeMissing = source["closeMissing"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	export class TraceItem {
	    kind: string;
	    kindLabel: string;
	    id: string;
	    ref: string;
	    title: string;
	    status: string;
	    statusLabel: string;
	    via: string;
	    viaLabel: string;
	    reasons: string[];
	
	    static createFrom(source: any = {}) {
	        return new TraceItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.kindLabel = source["kindLabel"];
	        this.id = source["id"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.status = source["status"];
	        this.statusLabel = source["statusLabel"];
	        this.via = source["via"];
	        this.viaLabel = source["viaLabel"];
	        this.reasons = source["reasons"];
	    }
	}
	export class TraceColumn {
	    key: string;
	    label: string;
	    items: TraceItem[];
	
	    static createFrom(source: any = {}) {
	        return new TraceColumn(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.label = source["label"];
	        this.items = this.convertValues(source["items"], TraceItem);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TraceGap {
	    kind: string;
	    itemKind: string;
	    id: string;
	    ref: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new TraceGap(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.itemKind = source["itemKind"];
	        this.id = source["id"];
	        this.ref = source["ref"];
	        this.message = source["message"];
	    }
	}
	export class TraceGapCount {
	    kind: string;
	    label: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new TraceGapCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.label = source["label"];
	        this.count = source["count"];
	    }
	}
	
	export class TraceView {
	    start: TraceItem;
	    columns: TraceColumn[];
	    clauses: isms.Clause[];
	    size: number;
	    gaps: TraceGap[];
	    gapCounts: TraceGapCount[];
	
	    static createFrom(source: any = {}) {
	        return new TraceView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.start = this.convertValues(source["start"], TraceItem);
	        this.columns = this.convertValues(source["columns"], TraceColumn);
	        this.clauses = this.convertValues(source["clauses"], isms.Clause);
	        this.size = source["size"];
	        this.gaps = this.convertValues(source["gaps"], TraceGap);
	        this.gapCounts = this.convertValues(source["gapCounts"], TraceGapCount);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace report {
	
	export class Decision {
	    ask: string;
	    ref: string;
	    title: string;
	    owner: string;
	    when: string;
	
	    static createFrom(source: any = {}) {
	        return new Decision(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ask = source["ask"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.owner = source["owner"];
	        this.when = source["when"];
	    }
	}
	export class ExceptionSample {
	    rule: string;
	    ref: string;
	    title: string;
	    count: number;
	    detail: string;
	
	    static createFrom(source: any = {}) {
	        return new ExceptionSample(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rule = source["rule"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.count = source["count"];
	        this.detail = source["detail"];
	    }
	}
	export class MoreDecisions {
	    ask: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new MoreDecisions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ask = source["ask"];
	        this.count = source["count"];
	    }
	}
	export class Figure {
	    label: string;
	    text: string;
	    rag: string;
	    why: string;
	    change: string;
	
	    static createFrom(source: any = {}) {
	        return new Figure(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.label = source["label"];
	        this.text = source["text"];
	        this.rag = source["rag"];
	        this.why = source["why"];
	        this.change = source["change"];
	    }
	}
	export class Executive {
	    title: string;
	    organisation: string;
	    period: string;
	    classification: string;
	    edition: number;
	    approval: string;
	    generatedAt: string;
	    previous: string;
	    figures: Figure[];
	    decisions: Decision[];
	    more: MoreDecisions[];
	    exceptions: ExceptionSample[];
	    sheets: string[];
	    asPresented: boolean;
	    decisionsTitle: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new Executive(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = source["title"];
	        this.organisation = source["organisation"];
	        this.period = source["period"];
	        this.classification = source["classification"];
	        this.edition = source["edition"];
	        this.approval = source["approval"];
	        this.generatedAt = source["generatedAt"];
	        this.previous = source["previous"];
	        this.figures = this.convertValues(source["figures"], Figure);
	        this.decisions = this.convertValues(source["decisions"], Decision);
	        this.more = this.convertValues(source["more"], MoreDecisions);
	        this.exceptions = this.convertValues(source["exceptions"], ExceptionSample);
	        this.sheets = source["sheets"];
	        this.asPresented = source["asPresented"];
	        this.decisionsTitle = source["decisionsTitle"];
	        this.note = source["note"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Info {
	    name: string;
	    title: string;
	    about: string;
	    needsId: boolean;
	    idKind: string;
	
	    static createFrom(source: any = {}) {
	        return new Info(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.title = source["title"];
	        this.about = source["about"];
	        this.needsId = source["needsId"];
	        this.idKind = source["idKind"];
	    }
	}

}

export namespace search {
	
	export class Result {
	    kind: string;
	    kindLabel: string;
	    id: string;
	    ref: string;
	    title: string;
	    field: string;
	    snippet: string;
	
	    static createFrom(source: any = {}) {
	        return new Result(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.kindLabel = source["kindLabel"];
	        this.id = source["id"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	        this.field = source["field"];
	        this.snippet = source["snippet"];
	    }
	}

}

export namespace xlsx {
	
	export class Column {
	    index: number;
	    letter: string;
	    name: string;
	    hidden?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Column(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.index = source["index"];
	        this.letter = source["letter"];
	        this.name = source["name"];
	        this.hidden = source["hidden"];
	    }
	}
	export class DateWarning {
	    field: string;
	    column: string;
	    count: number;
	    example: string;
	    readAs: string;
	    dayFirst: boolean;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new DateWarning(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.column = source["column"];
	        this.count = source["count"];
	        this.example = source["example"];
	        this.readAs = source["readAs"];
	        this.dayFirst = source["dayFirst"];
	        this.message = source["message"];
	    }
	}
	export class Field {
	    name: string;
	    label: string;
	    required: boolean;
	    type: string;
	    enum?: string;
	    options?: isms.Option[];
	    key?: boolean;
	    exact?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Field(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.label = source["label"];
	        this.required = source["required"];
	        this.type = source["type"];
	        this.enum = source["enum"];
	        this.options = this.convertValues(source["options"], isms.Option);
	        this.key = source["key"];
	        this.exact = source["exact"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Header {
	    row: number;
	    rows: number;
	    firstColumn: number;
	    columns: Column[];
	    end?: number;
	    below?: number;
	
	    static createFrom(source: any = {}) {
	        return new Header(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.row = source["row"];
	        this.rows = source["rows"];
	        this.firstColumn = source["firstColumn"];
	        this.columns = this.convertValues(source["columns"], Column);
	        this.end = source["end"];
	        this.below = source["below"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class LayoutNote {
	    option: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new LayoutNote(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.option = source["option"];
	        this.message = source["message"];
	    }
	}
	export class Locale {
	    dayFirst: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Locale(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.dayFirst = source["dayFirst"];
	    }
	}
	export class Mapping {
	    kind: string;
	    layoutKey: string;
	    columns: Record<string, string>;
	    fillDown: string[];
	    skipSections: boolean;
	    locale: Locale;
	    scores?: Record<string, number>;
	    confidence?: Record<string, string>;
	    scale?: string;
	    notProposed?: Record<string, string>;
	    splitRef?: string;
	    mergeBy?: string;
	    layout?: LayoutNote[];
	
	    static createFrom(source: any = {}) {
	        return new Mapping(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.layoutKey = source["layoutKey"];
	        this.columns = source["columns"];
	        this.fillDown = source["fillDown"];
	        this.skipSections = source["skipSections"];
	        this.locale = this.convertValues(source["locale"], Locale);
	        this.scores = source["scores"];
	        this.confidence = source["confidence"];
	        this.scale = source["scale"];
	        this.notProposed = source["notProposed"];
	        this.splitRef = source["splitRef"];
	        this.mergeBy = source["mergeBy"];
	        this.layout = this.convertValues(source["layout"], LayoutNote);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Problem {
	    row: number;
	    column: string;
	    field: string;
	    message: string;
	    sheet?: string;
	
	    static createFrom(source: any = {}) {
	        return new Problem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.row = source["row"];
	        this.column = source["column"];
	        this.field = source["field"];
	        this.message = source["message"];
	        this.sheet = source["sheet"];
	    }
	}
	export class Row {
	    num: number;
	    cells: string[];
	
	    static createFrom(source: any = {}) {
	        return new Row(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.num = source["num"];
	        this.cells = source["cells"];
	    }
	}
	export class SheetInfo {
	    name: string;
	    hidden: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SheetInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.hidden = source["hidden"];
	    }
	}

}

