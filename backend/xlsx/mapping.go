package xlsx

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/mail"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// Import kinds: what a sheet's rows become.
const (
	KindRequirements = "requirements"
	KindControls     = "controls"
	KindRisks        = "risks"
	KindPeople       = "people"
	KindAttendance   = "attendance"
	KindMeasurements = "measurements"
	KindAssets       = "assets"
	// KindAcknowledgements: who acknowledged which policy (7.3 awareness); each row
	// records an acknowledgement of the policy's published version.
	KindAcknowledgements = "acknowledgements"
	// KindSurveyResults: the results of one survey, a question per row (answers, score,
	// summary); the survey is chosen for the import, the questions matched by their text.
	KindSurveyResults = "survey-results"
	// The registers of the other areas, one record a row, matched by reference (or, for
	// the kinds without one, by their natural key: a training by topic and date, a
	// communication by date and subject, feedback by date and text).
	KindObjectives      = "objectives"
	KindKPIs            = "kpis"
	KindPolicies        = "policies" // the register only: an import never approves or publishes
	KindTrainings       = "trainings"
	KindCampaigns       = "campaigns"
	KindCommunications  = "communications"
	KindNonconformities = "nonconformities"
	KindActions         = "actions"
	KindImprovements    = "improvements"
	KindFeedback        = "feedback"
	// KindAuditResults: the checklist results of one audit, an item per row (clause or
	// control, question, result, evidence notes); the audit is chosen for the import.
	KindAuditResults = "audit-results"
)

// Kinds lists the import kinds in the order the wizard offers them.
func Kinds() []string {
	return []string{KindRequirements, KindControls, KindRisks, KindPeople, KindAttendance, KindMeasurements, KindAssets, KindAcknowledgements, KindSurveyResults,
		KindObjectives, KindKPIs, KindPolicies, KindTrainings, KindCampaigns, KindCommunications, KindAuditResults,
		KindNonconformities, KindActions, KindImprovements, KindFeedback}
}

// FieldType says how a field's cells are parsed.
type FieldType string

// Field types.
const (
	TypeText      FieldType = "text"
	TypeMultiline FieldType = "multiline"
	TypeDate      FieldType = "date"
	TypeBool      FieldType = "bool"
	TypeInt       FieldType = "int"
	TypeLevel     FieldType = "level" // 1..5, as a number or a word (Low, High, ...)
	TypeFloat     FieldType = "float"
	TypePercent   FieldType = "percent"
	TypeEnum      FieldType = "enum"
	TypeEmail     FieldType = "email"
)

// Field is a target field of an import kind. Name is the record's JSON field name where
// one exists (owner, training, person, kpi name the text the composing layer resolves).
type Field struct {
	Name     string    `json:"name"`
	Label    string    `json:"label"`
	Required bool      `json:"required"`
	Type     FieldType `json:"type"`
	Enum     string    `json:"enum,omitempty"`    // the ParseEnum table of an enum field
	Options  isms.Enum `json:"options,omitempty"` // the enum's values, for an enum field
	Key      bool      `json:"key,omitempty"`     // identifies the row (its reference)
	// Exact fields are proposed only for a header that is one of their synonyms, not one
	// that merely contains it ("Related Controls" in a NIST catalogue lists NIST ids).
	Exact    bool     `json:"exact,omitempty"`
	Synonyms []string `json:"-"`
}

var (
	// synControls name a column that lists control references ("A.5.1, A.8.2").
	synControls = []string{"controls", "linked controls", "annex a controls", "iso controls", "iso 27001 controls", "mapped controls", "mapped annex a controls", "annex a mapping", "controls applied", "existing controls", "mesures", "mesures de sécurité", "maßnahmen", "kontrollen", "controles"}
	synRef      = []string{"ref", "reference", "ref no", "ref id", "id", "identifier", "control identifier", "control id", "requirement id", "risk id", "no", "nr", "n°", "num", "number", "code", "ref_id", "référence", "reference id", "identifiant", "numéro", "nummer", "kennung", "referenz", "referencia", "identificador", "número", "article", "clause", "control no", "control number", "control ref", "item",
		"#", "código", "codigo", "cód", "kürzel", "scf #", "ccf id", "id-anforderung", "anforderungs-id", "cis safeguard", "safeguard id", "control #", "req id", "req no"}
	synTitle = []string{"title", "name", "short name", "nom", "titre", "intitulé", "libellé", "titel", "bezeichnung", "name der maßnahme", "nombre", "título", "control name", "control title", "requirement title", "risk title", "risk name", "subject", "objet", "control (or control enhancement) name"}
	synOwner = []string{"owner", "responsible", "responsible person", "accountable", "assigned to", "owner name", "control owner", "risk owner", "propriétaire", "responsable", "porteur", "verantwortlich", "verantwortlicher", "eigentümer", "zuständig", "risikoeigner", "risikoverantwortlicher", "propietario", "dueño", "responsable del riesgo"}
	synDue   = []string{"due", "due date", "deadline", "target date", "date due", "review date", "next review", "échéance", "date d'échéance", "date limite", "fälligkeit", "fällig", "frist", "termin", "fecha límite", "fecha de vencimiento", "vencimiento", "plazo"}
	synNotes = []string{"notes", "note", "comment", "comments", "remarks", "observations", "remarques", "commentaire", "commentaires", "bemerkung", "bemerkungen", "kommentar", "anmerkungen", "notas", "comentarios", "observaciones"}
	synEvid  = []string{"evidence", "proof", "evidence location", "preuve", "preuves", "justificatif", "nachweis", "nachweise", "evidencia", "evidencias"}
	synDesc  = []string{"description", "text", "details", "détails", "descriptif", "beschreibung", "descripción", "descripcion", "contenu", "contenido", "inhalt"}
	// synRisks name a column that lists risk references ("R-001; R-004").
	synRisks  = []string{"risks", "linked risks", "related risks", "associated risks", "risk refs", "risk references", "risk ids", "risques", "risques associés", "risiken", "riesgos"}
	synStatus = []string{"status", "state", "statut", "état", "estado", "stand"}
	synTarget = []string{"target", "target value", "cible", "valeur cible", "zielwert", "sollwert", "soll", "valor objetivo", "meta"}
	synUnit   = []string{"unit", "units", "unit of measure", "unité", "einheit", "unidad"}
	synStart  = []string{"start date", "start", "starts", "from date", "date de début", "début", "startdatum", "beginn", "fecha de inicio", "inicio"}
	synEnd    = []string{"end date", "end", "ends", "date de fin", "fin", "enddatum", "ende", "fecha de fin", "fecha final"}
	// synCompleted name when an action or initiative was done.
	synCompleted = []string{"completed on", "completion date", "date completed", "done on", "terminé le", "date de réalisation", "réalisé le", "erledigt am", "abgeschlossen am", "fertiggestellt am", "completado el", "fecha de finalización"}
	synAudience  = []string{"audience", "target audience", "public", "public cible", "zielgruppe", "publikum", "público", "destinatarios"}
	// synRoles name a column that lists roles by name ("ISMS Manager; All staff").
	synRoles = []string{"audience roles", "roles", "target roles", "rôles", "rôles visés", "rollen", "zielrollen", "roles destinatarios"}
)

func syn(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

var catalogs = map[string][]Field{
	KindObjectives: {
		{Name: "ref", Label: "Objective reference", Required: true, Type: TypeText, Key: true, Synonyms: syn(synRef, []string{"objective id", "objective ref", "objective no", "objective number", "obj no", "obj id", "obj ref"})},
		{Name: "title", Label: "Title", Required: true, Type: TypeText, Synonyms: syn(synTitle, []string{"objective", "objective title", "objective name", "objectif", "ziel", "objetivo"})},
		{Name: "statement", Label: "Statement", Type: TypeMultiline, Synonyms: []string{"statement", "objective statement", "what will be achieved", "description", "details", "énoncé", "déclaration", "aussage", "beschreibung", "zielbeschreibung", "enunciado", "descripción"}},
		{Name: "businessGoal", Label: "Business goal", Type: TypeText, Synonyms: []string{"business goal", "business objective", "goal", "aligned to", "objectif métier", "objectif de l'entreprise", "geschäftsziel", "unternehmensziel", "objetivo de negocio", "meta de negocio"}},
		{Name: "measure", Label: "Measure", Type: TypeText, Synonyms: []string{"measure", "measured by", "how measured", "metric", "mesure", "indicateur de mesure", "messgröße", "medida", "métrica"}},
		{Name: "target", Label: "Target", Type: TypeFloat, Synonyms: synTarget},
		{Name: "unit", Label: "Unit", Type: TypeText, Synonyms: synUnit},
		{Name: "owner", Label: "Owner", Type: TypeText, Synonyms: synOwner},
		{Name: "dueDate", Label: "Due date", Type: TypeDate, Synonyms: synDue},
		{Name: "status", Label: "Status", Type: TypeEnum, Enum: "objectiveStatus", Options: isms.ObjectiveStatuses, Synonyms: syn(synStatus, []string{"objective status"})},
		{Name: "kpis", Label: "KPIs", Type: TypeText, Exact: true, Synonyms: []string{"kpis", "kpi", "linked kpis", "kpi references", "indicators", "indicateurs", "kennzahlen", "indicadores"}},
		{Name: "notes", Label: "Notes", Type: TypeMultiline, Synonyms: synNotes},
	},
	KindKPIs: {
		{Name: "ref", Label: "KPI reference", Required: true, Type: TypeText, Key: true, Synonyms: syn(synRef, []string{"kpi id", "kpi ref", "kpi no", "kpi number", "indicator id"})},
		{Name: "name", Label: "Name", Required: true, Type: TypeText, Synonyms: []string{"name", "kpi", "kpi name", "indicator", "indicator name", "metric", "title", "nom", "titre", "indicateur", "nom de l'indicateur", "kennzahl", "name der kennzahl", "bezeichnung", "titel", "indicador", "nombre", "título"}},
		{Name: "description", Label: "Description", Type: TypeMultiline, Synonyms: syn(synDesc, []string{"what is measured"})},
		{Name: "method", Label: "Method", Type: TypeMultiline, Synonyms: []string{"method", "measurement method", "how measured", "calculation", "formula", "méthode", "méthode de mesure", "formule", "methode", "messmethode", "berechnung", "método", "fórmula", "cálculo"}},
		{Name: "frequency", Label: "Frequency", Type: TypeEnum, Enum: "frequency", Options: isms.Frequencies, Synonyms: []string{"frequency", "measurement frequency", "how often", "fréquence", "périodicité", "frequenz", "häufigkeit", "messhäufigkeit", "frecuencia", "periodicidad"}},
		{Name: "unit", Label: "Unit", Type: TypeText, Synonyms: synUnit},
		{Name: "target", Label: "Target", Type: TypeFloat, Synonyms: syn(synTarget, []string{"green threshold", "seuil vert"})},
		{Name: "direction", Label: "Direction", Type: TypeEnum, Enum: "direction", Options: isms.Directions, Synonyms: []string{"direction", "polarity", "better when", "sens", "polarité", "richtung", "polarität", "dirección", "sentido"}},
		{Name: "amber", Label: "Amber threshold", Type: TypeFloat, Synonyms: []string{"amber threshold", "amber", "warning threshold", "tolerance", "seuil orange", "seuil d'alerte", "seuil de tolérance", "warnschwelle", "schwellenwert gelb", "umbral ámbar", "umbral de alerta"}},
		{Name: "owner", Label: "Owner", Type: TypeText, Synonyms: synOwner},
		{Name: "objective", Label: "Objective", Type: TypeText, Exact: true, Synonyms: []string{"objective", "linked objective", "isms objective", "objectif", "ziel", "objetivo"}},
		{Name: "control", Label: "Control", Type: TypeText, Exact: true, Synonyms: []string{"control", "linked control", "annex a control", "mesure de sécurité", "mesure liée", "mesure associée", "maßnahme", "verknüpfte maßnahme", "control vinculado"}},
		{Name: "active", Label: "Active", Type: TypeBool, Synonyms: []string{"active", "in use", "still measured", "actif", "aktiv", "activo"}},
	},
	KindPolicies: {
		{Name: "ref", Label: "Policy reference", Required: true, Type: TypeText, Key: true, Synonyms: syn(synRef, []string{"policy id", "policy ref", "policy no", "policy number", "document id", "document ref", "document reference", "doc ref"})},
		{Name: "title", Label: "Title", Required: true, Type: TypeText, Synonyms: syn(synTitle, []string{"policy", "policy title", "policy name", "document", "document title", "politique", "richtlinie", "política", "documento"})},
		{Name: "docType", Label: "Document type", Type: TypeEnum, Enum: "docType", Options: isms.DocTypes, Synonyms: []string{"document type", "doc type", "type", "kind", "type de document", "dokumenttyp", "dokumentart", "art", "tipo", "tipo de documento"}},
		{Name: "owner", Label: "Owner", Type: TypeText, Synonyms: syn(synOwner, []string{"document owner", "policy owner"})},
		{Name: "approver", Label: "Approver", Type: TypeText, Synonyms: []string{"approver", "approved by", "approving authority", "approbateur", "approuvé par", "validé par", "genehmiger", "freigeber", "genehmigt von", "freigegeben von", "aprobador", "aprobado por"}},
		{Name: "reviewCycleMonths", Label: "Review cycle (months)", Type: TypeInt, Synonyms: []string{"review cycle (months)", "review cycle", "review frequency", "review interval", "months between reviews", "cycle de revue", "fréquence de revue", "périodicité de revue", "überprüfungszyklus", "prüfzyklus", "überprüfungsintervall", "ciclo de revisión", "frecuencia de revisión"}},
		{Name: "nextReviewDate", Label: "Next review", Type: TypeDate, Synonyms: []string{"next review", "next review date", "review date", "review due", "prochaine revue", "date de prochaine revue", "nächste überprüfung", "nächste prüfung", "próxima revisión", "fecha de próxima revisión"}},
		{Name: "status", Label: "Status", Type: TypeEnum, Enum: "policyStatus", Options: isms.PolicyStatuses, Synonyms: syn(synStatus, []string{"version status", "approval status", "document status", "statut du document", "dokumentstatus", "estado del documento"})},
		{Name: "controls", Label: "Controls", Type: TypeText, Exact: true, Synonyms: synControls},
		// the number of a new policy's first version (1.0 without it); a stored policy's versions change in ISMS Desk
		{Name: "version", Label: "Version", Type: TypeText, Synonyms: []string{"version", "version number", "current version", "revision", "rev", "ver", "version no", "numéro de version", "versionsnummer", "fassung", "versión", "revisión"}},
	},
	KindTrainings: {
		{Name: "ref", Label: "Training reference", Type: TypeText, Key: true, Synonyms: syn(synRef, []string{"training id", "training ref", "course id", "course code", "session id"})},
		{Name: "topic", Label: "Topic", Required: true, Type: TypeText, Synonyms: []string{"topic", "training", "title", "name", "course", "course name", "training title", "subject", "session", "thème", "sujet", "formation", "intitulé", "titre", "thema", "schulung", "titel", "kurs", "tema", "curso", "formación", "título"}},
		{Name: "description", Label: "Description", Type: TypeMultiline, Synonyms: syn(synDesc, []string{"learning goals", "content and goals"})},
		{Name: "date", Label: "Date", Required: true, Type: TypeDate, Synonyms: []string{"date", "training date", "session date", "held on", "date de la formation", "date de session", "datum", "schulungsdatum", "termin", "fecha", "fecha de la formación"}},
		{Name: "status", Label: "Status", Type: TypeEnum, Enum: "trainingStatus", Options: isms.TrainingStatuses, Synonyms: syn(synStatus, []string{"training status", "session status"})},
		{Name: "required", Label: "Required", Type: TypeBool, Synonyms: []string{"required", "mandatory", "compulsory", "obligatoire", "requis", "pflicht", "verpflichtend", "obligatorio", "requerido"}},
		{Name: "roles", Label: "Audience roles", Type: TypeText, Exact: true, Synonyms: synRoles},
		{Name: "trainer", Label: "Trainer", Type: TypeText, Synonyms: []string{"trainer", "instructor", "presenter", "provider", "given by", "formateur", "intervenant", "animateur", "schulungsleiter", "dozent", "referent", "formador", "ponente"}},
		{Name: "durationHours", Label: "Duration (hours)", Type: TypeFloat, Synonyms: []string{"duration (hours)", "duration", "hours", "length", "durée", "durée (heures)", "heures", "dauer", "dauer (stunden)", "stunden", "duración", "horas"}},
		{Name: "renewalMonths", Label: "Renewal (months)", Type: TypeInt, Synonyms: []string{"renewal (months)", "renewal", "renew every", "valid for (months)", "validity (months)", "renouvellement", "validité (mois)", "auffrischung", "gültigkeit (monate)", "renovación", "validez (meses)"}},
		{Name: "materials", Label: "Materials", Type: TypeText, Synonyms: []string{"materials", "slides", "course materials", "supports", "support de cours", "unterlagen", "materialien", "schulungsunterlagen", "materiales"}},
		{Name: "owner", Label: "Organiser", Type: TypeText, Synonyms: syn([]string{"organiser", "organizer", "organised by", "organized by", "organisateur", "organisator", "organizador"}, synOwner)},
	},
	KindCampaigns: {
		{Name: "ref", Label: "Campaign reference", Type: TypeText, Key: true, Synonyms: syn(synRef, []string{"campaign id", "campaign ref", "campaign no"})},
		{Name: "title", Label: "Title", Required: true, Type: TypeText, Synonyms: syn(synTitle, []string{"campaign", "campaign name", "campaign title", "campagne", "kampagne", "campaña"})},
		{Name: "description", Label: "Description", Type: TypeMultiline, Synonyms: syn(synDesc, []string{"messages", "messages and goals"})},
		{Name: "channels", Label: "Channels", Required: true, Type: TypeText, Enum: "channel", Options: isms.Channels, Synonyms: []string{"channels", "channel", "media", "canaux", "canal", "kanäle", "kanal", "canales", "medios"}},
		{Name: "audience", Label: "Audience", Type: TypeText, Synonyms: synAudience},
		{Name: "roles", Label: "Audience roles", Type: TypeText, Exact: true, Synonyms: synRoles},
		{Name: "startDate", Label: "Start date", Required: true, Type: TypeDate, Synonyms: synStart},
		{Name: "endDate", Label: "End date", Type: TypeDate, Synonyms: synEnd},
		{Name: "status", Label: "Status", Type: TypeEnum, Enum: "campaignStatus", Options: isms.CampaignStatuses, Synonyms: syn(synStatus, []string{"campaign status"})},
		{Name: "owner", Label: "Owner", Type: TypeText, Synonyms: synOwner},
	},
	KindCommunications: {
		{Name: "date", Label: "Date", Required: true, Type: TypeDate, Synonyms: []string{"date", "sent on", "communicated on", "date sent", "date d'envoi", "envoyé le", "datum", "gesendet am", "fecha", "fecha de envío"}},
		{Name: "subject", Label: "Subject", Required: true, Type: TypeText, Synonyms: []string{"subject", "topic", "title", "message", "communication", "what was communicated", "what", "key message", "objet", "sujet", "thème", "titre", "betreff", "thema", "titel", "asunto", "tema", "título"}},
		{Name: "audience", Label: "Audience", Type: TypeText, Synonyms: syn(synAudience, []string{"to", "recipients", "to whom", "destinataires", "empfänger"})},
		{Name: "roles", Label: "Audience roles", Type: TypeText, Exact: true, Synonyms: synRoles},
		{Name: "channel", Label: "Channel", Required: true, Type: TypeEnum, Enum: "channel", Options: isms.Channels, Synonyms: []string{"channel", "medium", "via", "how", "how communicated", "format", "canal", "moyen", "kanal", "medio"}},
		{Name: "audienceSize", Label: "Audience size", Type: TypeInt, Synonyms: []string{"audience size", "number of recipients", "no of recipients", "recipients count", "audience count", "taille de l'audience", "nombre de destinataires", "anzahl empfänger", "zielgruppengröße", "tamaño de la audiencia", "número de destinatarios"}},
		{Name: "reach", Label: "Reached (people)", Type: TypeInt, Synonyms: []string{"reached (people)", "reached", "people reached", "number reached", "personnes atteintes", "atteints", "erreicht", "erreichte personen", "alcanzados", "personas alcanzadas"}},
		{Name: "owner", Label: "By", Type: TypeText, Synonyms: syn([]string{"by", "from", "sender", "sent by", "communicated by", "par", "expéditeur", "émetteur", "von", "absender", "por", "remitente"}, synOwner)},
		{Name: "campaign", Label: "Campaign", Type: TypeText, Exact: true, Synonyms: []string{"campaign", "awareness campaign", "campaign ref", "campagne", "kampagne", "campaña"}},
		{Name: "notes", Label: "Notes", Type: TypeMultiline, Synonyms: synNotes},
	},
	KindAuditResults: {
		// ref or question identifies an item (Check asks for one)
		{Name: "ref", Label: "Clause or control", Type: TypeText, Key: true, Synonyms: []string{"clause or control", "clause/control", "clause", "control", "ref", "reference", "item ref", "requirement ref", "iso clause", "article", "clause ou mesure", "chapitre", "référence", "abschnitt", "kapitel", "klausel", "referenz", "cláusula", "apartado", "referencia"}},
		{Name: "question", Label: "Question", Type: TypeMultiline, Synonyms: []string{"question", "audit question", "what to check", "checkpoint", "check", "point de contrôle", "question d'audit", "frage", "prüffrage", "prüfpunkt", "pregunta", "pregunta de auditoría", "punto de control"}},
		{Name: "result", Label: "Result", Type: TypeEnum, Enum: "checklistResult", Options: isms.ChecklistResults, Synonyms: []string{"result", "outcome", "assessment", "rating", "finding", "résultat", "constat", "évaluation", "ergebnis", "bewertung", "feststellung", "resultado", "hallazgo", "evaluación"}},
		{Name: "evidence", Label: "Evidence notes", Type: TypeMultiline, Synonyms: []string{"evidence notes", "evidence", "audit evidence", "notes", "observations", "comments", "preuves", "notes d'audit", "nachweise", "bemerkungen", "notizen", "evidencias", "observaciones", "notas"}},
	},
	KindNonconformities: {
		{Name: "ref", Label: "Nonconformity reference", Required: true, Type: TypeText, Key: true, Synonyms: syn(synRef, []string{"nc id", "nc ref", "nc no", "nc number", "nonconformity id", "nonconformity ref"})},
		{Name: "title", Label: "Title", Required: true, Type: TypeText, Synonyms: syn(synTitle, []string{"nonconformity", "nc", "non-conformité", "non conformité", "nichtkonformität", "abweichung", "no conformidad"})},
		{Name: "description", Label: "Description", Type: TypeMultiline, Synonyms: syn(synDesc, []string{"what happened"})},
		{Name: "source", Label: "Source", Type: TypeEnum, Enum: "ncSource", Options: isms.NonconformitySources, Synonyms: []string{"source", "found by", "detected through", "detection source", "provenance", "source de détection", "quelle", "fundquelle", "fuente"}},
		{Name: "detectedOn", Label: "Detected on", Type: TypeDate, Synonyms: []string{"detected on", "date detected", "detection date", "raised on", "date raised", "identified on", "date", "détecté le", "date de détection", "festgestellt am", "erkannt am", "datum", "detectado el", "fecha de detección", "fecha"}},
		{Name: "owner", Label: "Owner", Type: TypeText, Synonyms: synOwner},
		{Name: "status", Label: "Status", Type: TypeEnum, Enum: "ncStatus", Options: isms.NonconformityStatuses, Synonyms: syn(synStatus, []string{"stage", "étape", "phase", "etapa"})},
		{Name: "dueDate", Label: "Due date", Type: TypeDate, Synonyms: synDue},
		{Name: "correction", Label: "Correction", Type: TypeMultiline, Synonyms: []string{"correction (10.2 a)", "correction", "immediate correction", "containment", "correction immédiate", "korrektur", "sofortmaßnahme", "corrección", "corrección inmediata"}},
		{Name: "correctionOn", Label: "Corrected on", Type: TypeDate, Synonyms: []string{"corrected on", "correction date", "date corrected", "corrigé le", "date de correction", "korrigiert am", "corregido el", "fecha de corrección"}},
		{Name: "rootCause", Label: "Root cause", Type: TypeMultiline, Synonyms: []string{"root cause (10.2 b)", "root cause", "cause", "root cause analysis", "cause racine", "cause profonde", "ursache", "grundursache", "causa raíz", "causa"}},
		{Name: "similarCheck", Label: "Similar cases checked", Type: TypeMultiline, Synonyms: []string{"similar cases checked (10.2 b)", "similar cases checked", "similar cases", "similar nonconformities", "cas similaires", "ähnliche fälle", "casos similares"}},
		{Name: "reviewedOn", Label: "Effectiveness reviewed on", Type: TypeDate, Synonyms: []string{"effectiveness reviewed on (10.2 d)", "effectiveness reviewed on", "effectiveness review date", "efficacité vérifiée le", "date de vérification de l'efficacité", "wirksamkeit geprüft am", "eficacia revisada el"}},
		{Name: "verdict", Label: "Verdict", Type: TypeEnum, Enum: "verdict", Options: isms.Verdicts, Synonyms: []string{"verdict", "effectiveness", "effectiveness verdict", "efficacité", "wirksamkeit", "eficacia"}},
		{Name: "reviewer", Label: "Reviewer", Type: TypeText, Synonyms: []string{"reviewer", "effectiveness reviewer", "reviewed by", "vérificateur", "vérifié par", "prüfer", "geprüft von", "revisor", "revisado por"}},
		{Name: "effectivenessComment", Label: "Effectiveness comment", Type: TypeMultiline, Synonyms: []string{"effectiveness comment", "effectiveness evidence", "commentaire sur l'efficacité", "kommentar zur wirksamkeit", "comentario de eficacia"}},
		{Name: "closedOn", Label: "Closed on", Type: TypeDate, Synonyms: []string{"closed on", "date closed", "closure date", "clôturé le", "date de clôture", "geschlossen am", "cerrado el", "fecha de cierre"}},
	},
	KindActions: {
		{Name: "ref", Label: "Action reference", Required: true, Type: TypeText, Key: true, Synonyms: syn(synRef, []string{"action", "action id", "action ref", "action no", "action number", "task id"})},
		{Name: "title", Label: "Title", Required: true, Type: TypeText, Synonyms: syn(synTitle, []string{"action title", "task", "to do", "tâche", "aufgabe", "tarea"})},
		{Name: "description", Label: "Description", Type: TypeMultiline, Synonyms: synDesc},
		{Name: "owner", Label: "Owner", Type: TypeText, Synonyms: syn(synOwner, []string{"action owner", "assignee"})},
		{Name: "dueDate", Label: "Due date", Type: TypeDate, Synonyms: synDue},
		{Name: "status", Label: "Status", Type: TypeEnum, Enum: "actionStatus", Options: isms.ActionStatuses, Synonyms: syn(synStatus, []string{"action status"})},
		{Name: "completedOn", Label: "Completed on", Type: TypeDate, Synonyms: synCompleted},
		{Name: "notes", Label: "Notes", Type: TypeMultiline, Synonyms: syn(synNotes, []string{"progress notes", "progress"})},
	},
	KindImprovements: {
		{Name: "ref", Label: "Improvement reference", Required: true, Type: TypeText, Key: true, Synonyms: syn(synRef, []string{"improvement id", "improvement ref", "initiative id"})},
		{Name: "title", Label: "Title", Required: true, Type: TypeText, Synonyms: syn(synTitle, []string{"improvement", "initiative", "amélioration", "verbesserung", "mejora"})},
		{Name: "goal", Label: "Goal", Type: TypeMultiline, Synonyms: []string{"goal", "aim", "objective", "expected benefit", "what it should achieve", "but", "objectif", "ziel", "objetivo", "meta"}},
		{Name: "description", Label: "Description", Type: TypeMultiline, Synonyms: syn(synDesc, []string{"approach"})},
		{Name: "owner", Label: "Owner", Type: TypeText, Synonyms: synOwner},
		{Name: "status", Label: "Status", Type: TypeEnum, Enum: "improvementStatus", Options: isms.ImprovementStatuses, Synonyms: syn(synStatus, []string{"improvement status"})},
		{Name: "startDate", Label: "Start date", Type: TypeDate, Synonyms: synStart},
		{Name: "dueDate", Label: "Due date", Type: TypeDate, Synonyms: synDue},
		{Name: "completedOn", Label: "Completed on", Type: TypeDate, Synonyms: synCompleted},
		{Name: "outcome", Label: "Outcome", Type: TypeMultiline, Synonyms: []string{"outcome", "result", "results", "benefit achieved", "résultat", "bilan", "ergebnis", "resultado"}},
	},
	KindFeedback: {
		{Name: "date", Label: "Date", Required: true, Type: TypeDate, Synonyms: []string{"date", "received on", "given on", "date received", "reçu le", "date de réception", "datum", "erhalten am", "fecha", "recibido el"}},
		{Name: "from", Label: "From", Type: TypeText, Synonyms: []string{"from", "given by", "submitted by", "who", "interested party", "party", "de la part de", "émetteur", "auteur", "von", "eingereicht von", "de parte de", "autor"}},
		{Name: "text", Label: "Feedback", Required: true, Type: TypeMultiline, Synonyms: []string{"feedback", "text", "feedback text", "comment", "comments", "message", "retour", "commentaire", "avis", "remarque", "rückmeldung", "kommentar", "comentario", "opinión", "texto", "mensaje"}},
		{Name: "sentiment", Label: "Sentiment", Type: TypeEnum, Enum: "sentiment", Options: isms.Sentiments, Synonyms: []string{"sentiment", "tone", "mood", "ressenti", "tonalité", "stimmung", "tonalität", "sentimiento", "tono"}},
		{Name: "status", Label: "Status", Type: TypeEnum, Enum: "feedbackStatus", Options: isms.FeedbackStatuses, Synonyms: syn(synStatus, []string{"feedback status"})},
		{Name: "response", Label: "Response", Type: TypeMultiline, Synonyms: []string{"response", "answer", "reply", "how answered", "réponse", "suite donnée", "antwort", "reaktion", "respuesta"}},
	},
	KindRequirements: {
		{Name: "ref", Label: "Reference", Required: true, Type: TypeText, Key: true, Synonyms: synRef},
		{Name: "title", Label: "Title", Required: true, Type: TypeText, Synonyms: syn(synTitle, []string{"requirement name", "objective", "objectif", "thématique"})},
		{Name: "text", Label: "Requirement text", Type: TypeMultiline, Synonyms: syn(synDesc, []string{"requirement", "requirement text", "control text", "assessment objective", "control specification", "exigence", "texte", "anforderung", "anforderungstext", "requisito", "texto", "obligation", "statement"})},
		{Name: "sourceType", Label: "Source type", Type: TypeEnum, Enum: "source", Options: isms.RequirementSources, Synonyms: []string{"source type", "type", "category", "catégorie", "type de source", "art", "kategorie", "quelle art", "tipo", "tipo de fuente", "requirement type"}},
		{Name: "source", Label: "Source", Type: TypeText, Synonyms: []string{"source", "law", "regulation", "standard", "framework", "origin", "contract", "party", "interested party", "loi", "texte de référence", "référentiel", "quelle", "gesetz", "norm", "fuente", "ley", "norma"}},
		{Name: "owner", Label: "Owner", Type: TypeText, Synonyms: synOwner},
		{Name: "applicable", Label: "Applicable", Type: TypeBool, Synonyms: []string{"applicable", "applies", "in scope", "applicability", "applicabilité", "anwendbar", "anwendbarkeit", "aplicable", "aplica", "se aplica", "aplicabilidad", "s'applique", "assessable"}},
		{Name: "status", Label: "Compliance status", Type: TypeEnum, Enum: "compliance", Options: isms.ComplianceStatuses, Synonyms: []string{"status", "compliance", "compliance status", "compliant", "state", "statut", "conformité", "état", "status der erfüllung", "erfüllung", "konformität", "estado", "cumplimiento", "implementation status"}},
		{Name: "evidence", Label: "Evidence", Type: TypeMultiline, Synonyms: synEvid},
		{Name: "dueDate", Label: "Due date", Type: TypeDate, Synonyms: synDue},
		{Name: "notes", Label: "Notes", Type: TypeMultiline, Synonyms: synNotes},
		{Name: "controls", Label: "Controls", Type: TypeText, Exact: true, Synonyms: synControls},
	},
	KindControls: {
		{Name: "ref", Label: "Control reference", Required: true, Type: TypeText, Key: true, Synonyms: syn(synRef, []string{"annex a", "annex a ref", "annex a control", "iso 27001 ref", "iso ref", "control"})},
		{Name: "title", Label: "Control title", Type: TypeText, Synonyms: syn(synTitle, []string{"control name", "control title", "mesure", "maßnahme", "control"})},
		{Name: "description", Label: "Description", Type: TypeMultiline, Synonyms: syn(synDesc, []string{"control text", "control description", "control specification", "assessment objective"})},
		{Name: "applicability", Label: "Applicability", Type: TypeEnum, Enum: "applicability", Options: isms.Applicabilities, Synonyms: []string{"applicable", "applicability", "applicable?", "included", "in scope", "applicabilité", "applicable (o/n)", "anwendbar", "anwendbarkeit", "aplicable", "aplicabilidad", "selected"}},
		{Name: "justification", Label: "Justification", Type: TypeMultiline, Synonyms: []string{"justification", "reason", "rationale", "justification for inclusion", "reason for selection", "reason for inclusion", "justification de l'inclusion", "begründung", "justificación", "motivo", "razón"}},
		// an SoA with one column for why a control is included and another for why it is excluded
		{Name: "exclusionJustification", Label: "Justification for exclusion", Type: TypeMultiline, Exact: true, Synonyms: []string{"justification for exclusion", "reason for exclusion", "exclusion justification", "exclusion reason", "why excluded", "justification de l'exclusion", "motif d'exclusion", "begründung für ausschluss", "ausschlussbegründung", "justificación de la exclusión", "motivo de exclusión"}},
		{Name: "status", Label: "Implementation status", Type: TypeEnum, Enum: "implementation", Options: isms.ImplementationStatuses, Synonyms: []string{"status", "implementation status", "implemented", "implementation", "state", "statut", "état", "état de mise en œuvre", "mise en œuvre", "umsetzungsstatus", "umsetzung", "estado", "estado de implementación", "implementación"}},
		{Name: "owner", Label: "Owner", Type: TypeText, Synonyms: synOwner},
		{Name: "implementationPlan", Label: "Implementation plan", Type: TypeMultiline, Synonyms: []string{"implementation plan", "plan", "action plan", "how implemented", "implementation details", "plan de mise en œuvre", "plan d'action", "umsetzungsplan", "maßnahmenplan", "plan de implementación", "plan de acción"}},
		{Name: "metric", Label: "Performance metric", Type: TypeText, Synonyms: []string{"metric", "kpi", "measure", "performance metric", "indicateur", "kennzahl", "métrica", "indicador"}},
		{Name: "evidence", Label: "Evidence", Type: TypeMultiline, Synonyms: synEvid},
		{Name: "dueDate", Label: "Due date", Type: TypeDate, Synonyms: synDue},
		{Name: "notes", Label: "Notes", Type: TypeMultiline, Synonyms: synNotes},
	},
	KindRisks: {
		{Name: "ref", Label: "Risk reference", Required: true, Type: TypeText, Key: true, Synonyms: syn(synRef, []string{"risk no", "risk ref", "risk number"})},
		{Name: "title", Label: "Title", Required: true, Type: TypeText, Synonyms: syn(synTitle, []string{"risk", "risque", "risiko", "riesgo", "risk scenario"})},
		{Name: "description", Label: "Description", Type: TypeMultiline, Synonyms: syn(synDesc, []string{"scenario", "risk description", "scénario", "szenario", "escenario"})},
		{Name: "asset", Label: "Asset or process", Type: TypeText, Synonyms: []string{"asset", "process", "asset or process", "information asset", "actif", "bien", "bien support", "processus", "asset/process", "wert", "assets", "prozess", "activo", "proceso"}},
		{Name: "threat", Label: "Threat", Type: TypeText, Synonyms: []string{"threat", "threats", "menace", "bedrohung", "gefährdung", "amenaza"}},
		{Name: "vulnerability", Label: "Vulnerability", Type: TypeText, Synonyms: []string{"vulnerability", "vulnerabilities", "weakness", "vulnérabilité", "schwachstelle", "verwundbarkeit", "vulnerabilidad"}},
		{Name: "likelihood", Label: "Likelihood", Required: true, Type: TypeLevel, Synonyms: []string{"likelihood", "probability", "inherent likelihood", "likelihood (1-5)", "l", "p", "vraisemblance", "probabilité", "wahrscheinlichkeit", "eintrittswahrscheinlichkeit", "probabilidad", "verosimilitud", "occurrence"}},
		{Name: "impact", Label: "Impact", Required: true, Type: TypeLevel, Synonyms: []string{"impact", "consequence", "severity", "inherent impact", "impact (1-5)", "i", "gravité", "conséquence", "auswirkung", "schadenshöhe", "schaden", "schadensausmaß", "schadensausmass", "ausmaß", "impacto", "consecuencia", "severidad"}},
		{Name: "owner", Label: "Risk owner", Type: TypeText, Synonyms: synOwner},
		{Name: "status", Label: "Status", Type: TypeEnum, Enum: "riskStatus", Options: isms.RiskStatuses, Synonyms: []string{"status", "risk status", "state", "statut", "état", "estado"}},
		{Name: "treatment", Label: "Treatment option", Type: TypeEnum, Enum: "treatment", Options: isms.TreatmentOptions, Synonyms: []string{"treatment", "treatment option", "response", "risk response", "decision", "traitement", "option de traitement", "behandlung", "risikobehandlung", "tratamiento", "respuesta"}},
		{Name: "treatmentPlan", Label: "Treatment plan", Type: TypeMultiline, Synonyms: []string{"treatment plan", "mitigation", "actions", "mitigation plan", "planned actions", "plan de traitement", "mesures", "behandlungsplan", "maßnahmen", "plan de tratamiento", "medidas"}},
		{Name: "residualLikelihood", Label: "Residual likelihood", Type: TypeLevel, Synonyms: []string{"residual likelihood", "residual probability", "residual l", "residual risk likelihood", "likelihood (residual)", "target likelihood", "vraisemblance résiduelle", "probabilité résiduelle", "restwahrscheinlichkeit", "probabilidad residual"}},
		{Name: "residualImpact", Label: "Residual impact", Type: TypeLevel, Synonyms: []string{"residual impact", "residual severity", "residual i", "residual risk impact", "impact (residual)", "target impact", "impact résiduel", "gravité résiduelle", "restauswirkung", "impacto residual"}},
		{Name: "identifiedOn", Label: "Identified on", Type: TypeDate, Synonyms: []string{"identified on", "date identified", "date raised", "raised", "created", "date", "identifié le", "date d'identification", "erfasst am", "datum", "fecha", "fecha de identificación"}},
		{Name: "controls", Label: "Controls", Type: TypeText, Exact: true, Synonyms: synControls},
		{Name: "reviewDate", Label: "Review date", Type: TypeDate, Synonyms: []string{"review date", "next review", "due", "due date", "date de revue", "prochaine revue", "überprüfung", "nächste überprüfung", "fecha de revisión"}},
	},
	KindAssets: {
		{Name: "ref", Label: "Asset reference", Required: true, Type: TypeText, Key: true, Synonyms: syn(synRef, []string{"asset id", "asset ref", "asset reference", "asset no", "asset number", "asset tag", "tag", "inventory no", "inventory number", "numéro d'inventaire", "référence de l'actif", "inventarnummer", "número de inventario"})},
		{Name: "name", Label: "Asset name", Required: true, Type: TypeText, Synonyms: syn(synTitle, []string{"asset", "asset name", "information asset", "asset description short", "actif", "nom de l'actif", "bien", "asset-name", "vermögenswert", "wert", "name des assets", "activo", "nombre del activo"})},
		{Name: "type", Label: "Type", Type: TypeEnum, Enum: "assetType", Options: isms.AssetTypes, Synonyms: []string{"type", "asset type", "category", "asset category", "asset class", "kind", "catégorie", "type d'actif", "typ", "kategorie", "art", "tipo", "categoría", "tipo de activo"}},
		{Name: "owner", Label: "Owner", Type: TypeText, Synonyms: syn(synOwner, []string{"asset owner", "information owner", "propriétaire de l'actif", "asset-owner", "propietario del activo"})},
		{Name: "custodian", Label: "Custodian", Type: TypeText, Synonyms: []string{"custodian", "custodian name", "asset custodian", "caretaker", "steward", "data steward", "administrator", "maintained by", "managed by", "dépositaire", "gardien", "administrateur", "verwalter", "betreuer", "administrator", "custodio", "administrador"}},
		{Name: "location", Label: "Location", Type: TypeText, Synonyms: []string{"location", "site", "where", "storage location", "physical location", "hosting", "hosted at", "hosted in", "emplacement", "localisation", "lieu", "standort", "ort", "speicherort", "ubicación", "ubicacion", "lugar"}},
		{Name: "classification", Label: "Classification", Type: TypeEnum, Enum: "classification", Options: isms.Classifications, Synonyms: []string{"classification", "confidentiality", "label", "classification level", "information classification", "data classification", "sensitivity", "protection level", "confidentialité", "niveau de classification", "sensibilité", "klassifizierung", "vertraulichkeit", "schutzbedarf", "clasificación", "clasificacion", "confidencialidad"}},
		{Name: "description", Label: "Description", Type: TypeMultiline, Synonyms: synDesc},
		{Name: "acquiredOn", Label: "Acquired on", Type: TypeDate, Synonyms: []string{"acquired", "acquired on", "acquisition date", "date acquired", "purchase date", "purchased", "purchased on", "date of purchase", "in service since", "date d'acquisition", "date d'achat", "anschaffungsdatum", "kaufdatum", "fecha de adquisición", "fecha de compra"}},
		{Name: "reviewDate", Label: "Review date", Type: TypeDate, Synonyms: []string{"review date", "next review", "next review date", "review due", "date de revue", "prochaine revue", "überprüfung", "nächste überprüfung", "fecha de revisión"}},
		{Name: "status", Label: "Status", Type: TypeEnum, Enum: "assetStatus", Options: isms.AssetStatuses, Synonyms: []string{"status", "asset status", "state", "lifecycle", "lifecycle status", "install status", "install_status", "operational status", "supplier status", "statut", "état", "zustand", "estado"}},
		{Name: "risks", Label: "Risks", Type: TypeText, Exact: true, Synonyms: synRisks},
		{Name: "controls", Label: "Controls", Type: TypeText, Exact: true, Synonyms: synControls},
		{Name: "notes", Label: "Notes", Type: TypeMultiline, Synonyms: synNotes},
	},
	KindPeople: {
		{Name: "name", Label: "Name", Required: true, Type: TypeText, Synonyms: []string{"name", "full name", "employee", "person", "staff", "nom", "nom complet", "prénom nom", "mitarbeiter", "vollständiger name", "nombre", "nombre completo", "empleado"}},
		{Name: "email", Label: "E-mail", Type: TypeEmail, Key: true, Synonyms: []string{"email", "e-mail", "mail", "email address", "e-mail address", "courriel", "adresse e-mail", "adresse mail", "e-mail-adresse", "correo", "correo electrónico"}},
		{Name: "department", Label: "Department", Type: TypeText, Synonyms: []string{"department", "dept", "team", "unit", "division", "service", "département", "équipe", "abteilung", "bereich", "departamento", "equipo"}},
		{Name: "jobTitle", Label: "Job title", Type: TypeText, Synonyms: []string{"job title", "title", "position", "role", "function", "poste", "fonction", "intitulé de poste", "funktion", "stelle", "position", "cargo", "puesto"}},
		{Name: "active", Label: "Active", Type: TypeBool, Synonyms: []string{"active", "employed", "current", "actif", "aktiv", "activo", "employment status", "employee status", "status", "statut", "beschäftigungsstatus", "estado"}},
		// a name written in two columns: joined into the name when no column gives it whole
		{Name: "firstName", Label: "First name", Type: TypeText, Synonyms: []string{"first name", "given name", "forename", "firstname", "prénom", "vorname", "nombre de pila"}},
		{Name: "lastName", Label: "Last name", Type: TypeText, Synonyms: []string{"last name", "surname", "family name", "lastname", "nom de famille", "nachname", "familienname", "apellido", "apellidos"}},
	},
	KindAttendance: {
		// training (its topic, or its reference) or trainingRef names the training: Check asks for one
		{Name: "training", Label: "Training", Required: true, Type: TypeText, Synonyms: []string{"training", "course", "session", "training title", "topic", "module", "formation", "cours", "thème", "schulung", "kurs", "thema", "formación", "curso", "tema"}},
		{Name: "trainingRef", Label: "Training reference", Type: TypeText, Synonyms: []string{"training ref", "training reference", "training id", "session ref", "session id", "course ref", "course id", "reference", "ref", "référence", "référence de la formation", "referenz", "schulungs id", "referencia"}},
		{Name: "trainingDate", Label: "Training date", Type: TypeDate, Synonyms: []string{"date", "training date", "session date", "completed on", "completion date", "date de formation", "datum", "schulungsdatum", "fecha", "fecha de formación"}},
		{Name: "person", Label: "Person", Type: TypeText, Synonyms: []string{"name", "person", "employee", "attendee", "participant", "full name", "nom", "participant", "teilnehmer", "mitarbeiter", "nombre", "asistente", "empleado"}},
		{Name: "email", Label: "E-mail", Type: TypeEmail, Synonyms: []string{"email", "e-mail", "mail", "email address", "courriel", "e-mail-adresse", "correo"}},
		{Name: "status", Label: "Attended", Type: TypeEnum, Enum: "attendance", Options: isms.AttendanceStatuses, Synonyms: []string{"attended", "attendance", "status", "present", "completed", "présence", "présent", "statut", "teilnahme", "anwesend", "teilgenommen", "asistencia", "asistió", "estado"}},
		{Name: "score", Label: "Score", Type: TypePercent, Synonyms: []string{"score", "result", "test score", "quiz score", "résultat", "note", "ergebnis", "punktzahl", "puntuación", "resultado"}},
		{Name: "date", Label: "Attended on", Type: TypeDate, Synonyms: []string{"date attended", "attended on", "attendance date", "date of attendance", "date de présence", "présent le", "teilgenommen am", "fecha de asistencia"}},
		{Name: "note", Label: "Note", Type: TypeMultiline, Synonyms: []string{"notes", "note", "comment", "comments", "remarks", "commentaire", "bemerkung", "kommentar", "comentario"}},
	},
	KindSurveyResults: {
		{Name: "question", Label: "Question", Required: true, Type: TypeText, Key: true, Synonyms: []string{"question", "question text", "item", "statement", "survey question", "questions", "question posée", "énoncé", "frage", "fragetext", "aussage", "pregunta", "enunciado"}},
		{Name: "answers", Label: "Responses", Type: TypeInt, Synonyms: []string{"responses", "answers", "number of responses", "response count", "answer count", "respondents", "n", "count", "replies", "réponses", "nombre de réponses", "antworten", "anzahl antworten", "respuestas", "número de respuestas"}},
		{Name: "score", Label: "Score", Type: TypeFloat, Synonyms: []string{"score", "average score", "average", "mean", "mean score", "rating", "average rating", "result score", "score moyen", "moyenne", "note moyenne", "durchschnitt", "bewertung", "punktzahl", "puntuación", "promedio", "media"}},
		{Name: "result", Label: "Result summary", Type: TypeMultiline, Synonyms: []string{"result", "result summary", "summary", "results", "findings", "comments", "outcome", "résultat", "synthèse", "résumé", "ergebnis", "zusammenfassung", "resultado", "resumen"}},
	},
	KindAcknowledgements: {
		// person or email names who acknowledged (either will do: Check asks for one)
		{Name: "person", Label: "Person", Required: true, Type: TypeText, Synonyms: []string{"name", "employee", "person", "staff", "full name", "staff member", "employee name", "acknowledged by", "signed by", "signatory", "nom", "nom complet", "employé", "salarié", "collaborateur", "personne", "signataire", "mitarbeiter", "mitarbeiterin", "vollständiger name", "unterzeichner", "nombre", "nombre completo", "empleado", "persona", "firmante"}},
		{Name: "email", Label: "E-mail", Type: TypeEmail, Synonyms: []string{"e-mail", "email", "mail", "email address", "e-mail address", "courriel", "adresse e-mail", "adresse mail", "e-mail-adresse", "correo", "correo electrónico"}},
		{Name: "policy", Label: "Policy", Required: true, Type: TypeText, Synonyms: []string{"policy", "document", "policy reference", "policy id", "policy ref", "policy title", "policy name", "document reference", "document title", "politique", "référence de la politique", "document de politique", "richtlinie", "leitlinie", "dokument", "richtlinien id", "política", "politica", "documento", "referencia de la política"}},
		{Name: "date", Label: "Acknowledged on", Type: TypeDate, Synonyms: []string{"date", "acknowledged", "acknowledged on", "signed on", "date signed", "date acknowledged", "acknowledgement date", "acknowledgment date", "signed", "accepted on", "read on", "date de signature", "signé le", "lu le", "accepté le", "date d'acceptation", "pris connaissance le", "datum", "unterschrieben am", "unterzeichnet am", "bestätigt am", "gelesen am", "datum der bestätigung", "fecha", "firmado el", "fecha de firma", "aceptado el", "leído el", "fecha de aceptación"}},
		// a completion status (an e-learning export's Status): a row not completed is no acknowledgement
		{Name: "status", Label: "Completion status", Type: TypeText, Synonyms: []string{"status", "completion status", "state", "signature status", "training status", "statut", "état", "statut de complétion", "status der bestätigung", "estado", "estado de finalización"}},
	},
	KindMeasurements: {
		{Name: "kpi", Label: "KPI", Required: true, Type: TypeText, Synonyms: []string{"kpi", "kpi ref", "kpi id", "indicator", "metric", "measure", "kpi name", "indicateur", "kennzahl", "indikator", "indicador", "métrica"}},
		{Name: "date", Label: "Date", Required: true, Type: TypeDate, Synonyms: []string{"date", "period", "measured on", "month", "measurement date", "période", "mois", "datum", "zeitraum", "monat", "fecha", "periodo", "mes"}},
		{Name: "value", Label: "Value", Required: true, Type: TypeFloat, Synonyms: []string{"value", "result", "actual", "measurement", "measured value", "valeur", "résultat", "wert", "messwert", "ist", "valor", "resultado"}},
		{Name: "note", Label: "Note", Type: TypeMultiline, Synonyms: []string{"notes", "note", "comment", "comments", "commentaire", "bemerkung", "kommentar", "comentario"}},
	},
}

// Fields returns the target fields of an import kind, or an *isms.Error for an unknown kind.
func Fields(kind string) ([]Field, error) {
	f, ok := catalogs[kind]
	if !ok {
		return nil, invalid("unknown import kind %q: choose one of %s", kind, strings.Join(Kinds(), ", "))
	}
	return f, nil
}

func field(kind, name string) (Field, bool) {
	for _, f := range catalogs[kind] {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

// Mapping says which column feeds which field, plus row options. It is saved as JSON and
// proposed again for a header with the same LayoutKey.
type Mapping struct {
	Kind         string            `json:"kind"`
	LayoutKey    string            `json:"layoutKey"`
	Columns      map[string]string `json:"columns"`      // field name -> column letter
	FillDown     []string          `json:"fillDown"`     // column letters whose blanks repeat the value above
	SkipSections bool              `json:"skipSections"` // skip section rows (see IsSection)
	Locale       Locale            `json:"locale"`
	Scores       map[string]int    `json:"scores,omitempty"` // how sure the proposal is, per field (100 is an exact name)
	// Confidence says per field how the column was found: ConfidenceExact, ConfidenceSynonym,
	// ConfidenceGuess, or ConfidenceChosen by the user.
	Confidence map[string]string `json:"confidence,omitempty"`
	// Scale is the file's own scale for risk scores (see ParseScoreScale): "1-10", or
	// "Low=1, Medium=2, High=3"; "" reads scores on the risk method's scale.
	Scale string `json:"scale,omitempty"`
	// NotProposed says, per field left without a column, which column its header matched
	// but whose values do not read as the field: `D "Due date": its values do not read as
	// dates (such as "someday")`.
	NotProposed map[string]string `json:"notProposed,omitempty"`
	// SplitRef is the letter of a column whose cells start with an id: the id is the
	// reference, the rest the title ("GV.OC-01: The mission …"); see SplitID.
	SplitRef string `json:"splitRef,omitempty"`
	// MergeBy is the field whose value makes rows one record (after fill-down): their
	// values are joined; "" merges nothing. See ProposeLayout.
	MergeBy string `json:"mergeBy,omitempty"`
	// Layout says what the proposal found in the sheet's layout (ProposeLayout).
	Layout []LayoutNote `json:"layout,omitempty"`
	// Method is the organisation's risk method, whose scales risk scores are read onto
	// (nil: 1 to 5). It is set for each import, not saved.
	Method *isms.RiskMethod `json:"-"`
}

// Column returns the 0-based column index mapped to field, or -1.
func (m Mapping) Column(field string) int {
	l, ok := m.Columns[field]
	if !ok {
		return -1
	}
	return ColumnIndex(l)
}

// FieldOf returns the field mapped to a 0-based column index, or "".
func (m Mapping) FieldOf(col int) string {
	l := ColumnLetter(col)
	for f, c := range m.Columns {
		if c == l {
			return f
		}
	}
	return ""
}

// Normalize folds a header name or synonym for matching: lower case, accents removed,
// punctuation as spaces, white space collapsed.
func Normalize(s string) string {
	s = strings.ToLower(s)
	var b strings.Builder
	for _, r := range s {
		if rr, ok := accents[r]; ok {
			b.WriteString(rr)
			continue
		}
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r > 127 && r != '’' && r != '–' && r != '—':
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	return foldSpace(b.String())
}

// normalizedIs reports whether Normalize(s) == n, without allocating when s is ASCII.
func normalizedIs(s, n string) bool {
	j := 0
	space := false // a space is pending between words
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return Normalize(s) == n
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			space = j > 0
			continue
		}
		if space {
			if j >= len(n) || n[j] != ' ' {
				return false
			}
			j++
			space = false
		}
		if j >= len(n) || n[j] != c {
			return false
		}
		j++
	}
	return j == len(n)
}

var accents = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ä': "a", 'ã': "a", 'ç': "c", 'è': "e", 'é': "e", 'ê': "e", 'ë': "e",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ñ': "n", 'ò': "o", 'ó': "o", 'ô': "o", 'ö': "o", 'õ': "o",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ß': "ss", 'œ': "oe", 'æ': "ae", '°': " ", 'º': " ",
}

// LayoutKey is a stable hash of a header's normalised column names (and their letters),
// so that a saved mapping can be proposed again when the same layout comes back.
func LayoutKey(h Header) string {
	sum := sha256.New()
	for _, c := range h.Columns {
		sum.Write([]byte(c.Letter + "=" + Normalize(c.Name) + "\x1f"))
	}
	return hex.EncodeToString(sum.Sum(nil)[:12])
}

// Confidences of a proposed column: how the header matched the field.
const (
	ConfidenceExact   = "exact"   // the header is one of the field's names
	ConfidenceSynonym = "synonym" // the header is mostly one of the field's names
	ConfidenceGuess   = "guess"   // a name of the field is a small part of the header, or the header a part of one
	ConfidenceChosen  = "chosen"  // the user chose the column (now or in a saved mapping)
)

// shortIDs are the two-letter reference words matched inside longer headers ("CCF ID").
var shortIDs = map[string]bool{"id": true, "nr": true}

// headerWords normalises a header for matching; "#" reads as "number" ("SCF #").
func headerWords(name string) string {
	return Normalize(strings.ReplaceAll(name, "#", " number "))
}

// matchScore scores a header name against a field's synonyms: 100 for an exact name, less
// for a name that contains a synonym as whole words (longer synonyms score higher), and
// says how confident the match is.
func matchScore(name string, f Field) (int, string) {
	n := headerWords(name)
	if n == "" {
		return 0, ""
	}
	best, conf := 0, ""
	padded := " " + n + " "
	words := len(strings.Fields(n))
	for idx, s := range f.Synonyms {
		sn := headerWords(s)
		if sn == "" {
			continue
		}
		switch {
		case n == sn:
			return 100, ConfidenceExact
		case f.Exact:
		case (len(sn) >= 3 || shortIDs[sn] && words <= 3) && strings.Contains(padded, " "+sn+" "):
			// earlier synonyms are the field's usual names; longer ones are more specific
			if sc := 40 + (30 - min(idx, 30)) + min(len(sn), 10) - min(len(n)-len(sn), 20)/2; sc > best {
				best, conf = sc, ConfidenceGuess
				if 2*len(sn) >= len(n) {
					conf = ConfidenceSynonym
				}
			}
		case len(sn) >= 4 && len(n) >= 4 && strings.HasPrefix(sn, n+" "):
			if sc := 30; sc > best {
				best, conf = sc, ConfidenceGuess
			}
		}
	}
	return best, conf
}

// ProposeMapping proposes a column for each field of kind from the header's names alone.
func ProposeMapping(kind string, h Header) (Mapping, error) { return ProposeMappingFor(kind, h, nil) }

// sampleSize is how many non-empty values of a column the proposal looks at.
const sampleSize = 50

// fitShare is the share of a column's sampled values that must read as a typed field for
// the column to be proposed for it; exactFitShare when the header is the field's name,
// so that a few bad cells are reported on their rows rather than the column dropped.
const (
	fitShare      = 0.8
	exactFitShare = 0.5
)

// ProposeMappingFor proposes a column for each field of kind: exact synonyms first, then
// names containing a synonym; each column feeds one field at most. With the sheet's grid,
// a column is proposed for a typed field (an enum, a level, yes/no, a date, a number, a
// reference, a person, a title) only if a sample of its values reads as that field.
func ProposeMappingFor(kind string, h Header, g *Grid) (Mapping, error) {
	fields, err := Fields(kind)
	if err != nil {
		return Mapping{}, err
	}
	var samples map[int][]string
	if g != nil {
		samples = sampleColumns(h, g)
	}
	type pair struct {
		field, col, score, order int
		conf                     string
	}
	var pairs []pair
	type rejected struct {
		col, score int
		example    string
	}
	refused := map[string]rejected{} // per field: the best header match its values refused
	for fi, f := range fields {
		for ci, c := range h.Columns {
			sc, conf := matchScore(c.Name, f)
			if sc == 0 || (conf != ConfidenceExact && !headerFits(f, c.Name)) {
				continue
			}
			if f.Name == "ref" && samples != nil && isCounter(samples[c.Index]) {
				sc, conf = min(sc, 35), ConfidenceGuess // a row counter (1, 2, 3 ...) is a reference only when nothing else is
			}
			if samples != nil && len(samples[c.Index]) == 0 && conf == ConfidenceGuess && titleFields[f.Name] {
				continue // an empty column (formulas never calculated) is no guess for a title
			}
			if samples != nil {
				if ok, bad := valuesFit(f, samples[c.Index], conf == ConfidenceExact); !ok {
					if r, seen := refused[f.Name]; !seen || sc > r.score {
						refused[f.Name] = rejected{ci, sc, bad}
					}
					continue
				}
			}
			pairs = append(pairs, pair{fi, ci, sc, fi*1000 + ci, conf})
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool {
		if pairs[i].score != pairs[j].score {
			return pairs[i].score > pairs[j].score
		}
		return pairs[i].order < pairs[j].order
	})
	m := Mapping{Kind: kind, LayoutKey: LayoutKey(h), Columns: map[string]string{}, Scores: map[string]int{}, Confidence: map[string]string{}, SkipSections: true}
	usedCol := map[int]bool{}
	for _, p := range pairs {
		f := fields[p.field]
		if _, done := m.Columns[f.Name]; done || usedCol[p.col] {
			continue
		}
		m.Columns[f.Name] = h.Columns[p.col].Letter
		m.Scores[f.Name] = p.score
		m.Confidence[f.Name] = p.conf
		usedCol[p.col] = true
	}
	for _, f := range fields {
		r, ok := refused[f.Name]
		if _, mapped := m.Columns[f.Name]; !ok || mapped || usedCol[r.col] || f.Exact {
			continue
		}
		if m.NotProposed == nil {
			m.NotProposed = map[string]string{}
		}
		c := h.Columns[r.col]
		m.NotProposed[f.Name] = fmt.Sprintf("%s %q: its values do not read as %s (such as %s)", c.Letter, c.Name, typeNoun(f), quote(r.example))
	}
	// Legal registers often name each requirement in a "Requirement" column and explain
	// it in a "Description" one: the first is the title, the second the text.
	if _, ok := m.Columns["title"]; !ok && kind == KindRequirements {
		if x, ok := m.Columns["text"]; ok && requirementNames[Normalize(columnName(h, x))] {
			for ci, c := range h.Columns {
				if !usedCol[ci] && descriptionNames[Normalize(c.Name)] {
					m.Columns["title"], m.Columns["text"] = x, c.Letter
					m.Scores["title"], m.Scores["text"] = 80, 80
					m.Confidence["title"], m.Confidence["text"] = ConfidenceSynonym, ConfidenceSynonym
					break
				}
			}
		}
	}
	return m, nil
}

// sampleColumns collects up to sampleSize non-empty values of each header column from
// the rows under the header.
func sampleColumns(h Header, g *Grid) map[int][]string {
	out := make(map[int][]string, len(h.Columns))
	lone := map[int][]string{} // the values of rows with one value
	full := 0
	for _, r := range g.Rows {
		if r.Num < h.DataStart() {
			continue
		}
		if len(h.Columns) >= 3 && valuesIn(r, h) <= 1 {
			// a section heading ("Bereich IT-Betrieb") says nothing of a column's values,
			// unless the column has no others (a hierarchy column of headings)
			for _, c := range h.Columns {
				if v := strings.TrimSpace(r.Cell(c.Index)); v != "" && len(lone[c.Index]) < sampleSize {
					lone[c.Index] = append(lone[c.Index], v)
				}
			}
			continue
		}
		for _, c := range h.Columns {
			v := strings.TrimSpace(r.Cell(c.Index))
			if v == "" || len(out[c.Index]) >= sampleSize {
				continue
			}
			out[c.Index] = append(out[c.Index], v)
			if len(out[c.Index]) == sampleSize {
				full++
			}
		}
		if full == len(h.Columns) {
			break
		}
	}
	for c, vs := range lone {
		if len(out[c]) == 0 {
			out[c] = vs
		}
	}
	return out
}

// isCounter reports whether a column's sampled values count the rows: 1, 2, 3 ... (at
// least three of them).
func isCounter(sample []string) bool {
	if len(sample) < 3 {
		return false
	}
	prev := 0
	for i, v := range sample {
		n, err := strconv.Atoi(strings.TrimSuffix(v, "."))
		if err != nil || (i > 0 && n != prev+1) {
			return false
		}
		prev = n
	}
	return true
}

// valuesIn counts the header columns of a row that hold a value.
func valuesIn(r Row, h Header) int {
	n := 0
	for _, c := range h.Columns {
		if strings.TrimSpace(r.Cell(c.Index)) != "" {
			n++
		}
	}
	return n
}

// personFields name people; titleFields name a record.
var (
	personFields = map[string]bool{"owner": true, "custodian": true, "person": true, "approver": true, "reviewer": true}
	titleFields  = map[string]bool{"title": true, "name": true, "topic": true, "subject": true}
)

// notPeople are words of a header about a thing, not a person ("Device name", "Control");
// ownerWords make it about a person again ("Control owner").
var (
	notPeople  = []string{"device", "asset", "system", "host", "server", "application", "app", "file", "document", "policy", "control", "risk", "process", "project", "product", "service", "site", "location", "company", "vendor", "supplier", "training", "course", "kpi", "requirement", "domain", "network", "database"}
	ownerWords = []string{"owner", "owners", "responsible", "person", "manager", "contact", "custodian", "employee", "accountable", "assigned", "propriétaire", "responsable", "verantwortlich", "propietario"}
)

// headerFits rejects a header match that its words contradict: a header about a thing
// is not a person field.
func headerFits(f Field, header string) bool {
	if !personFields[f.Name] {
		return true
	}
	words := " " + Normalize(header) + " "
	for _, w := range ownerWords {
		if strings.Contains(words, " "+Normalize(w)+" ") {
			return true
		}
	}
	for _, w := range notPeople {
		if strings.Contains(words, " "+w+" ") {
			return false
		}
	}
	return true
}

// ValuesFit reports whether a column's sampled values read as the field: for typed fields
// (enums, levels, yes/no, dates, numbers, e-mails), references, people and titles, at
// least 80 % of the sample must (half, for a header that is the field's own name); other
// fields take any text. An empty sample fits.
func ValuesFit(f Field, sample []string) bool {
	ok, _ := valuesFit(f, sample, false)
	return ok
}

// valuesFit also returns the first sampled value that does not read as the field.
func valuesFit(f Field, sample []string, exact bool) (bool, string) {
	if len(sample) == 0 {
		return true, ""
	}
	var ok func(string) bool
	switch {
	case f.Type == TypeEnum:
		ok = func(v string) bool { _, err := ParseEnum(f.Enum, v); return err == nil }
	case f.Type == TypeLevel:
		ok = func(v string) bool { return LooksLikeScore(v) }
	case f.Type == TypeBool:
		ok = func(v string) bool { _, err := ParseBool(v); return err == nil }
	case f.Type == TypeDate:
		ok = func(v string) bool { _, err := ParseDate(v, Locale{}); return err == nil }
	case periodFields[f.Name]:
		ok = func(v string) bool { _, err := ParseMonths(v); return err == nil }
	case f.Type == TypeInt:
		ok = func(v string) bool { _, err := ParseNumber(v); return err == nil }
	case f.Type == TypeFloat: // a number, or a percentage ("95%"), or a target that says which way is better ("<5%")
		ok = func(v string) bool {
			v = strings.TrimLeft(strings.TrimSpace(v), "<>=≤≥ ")
			_, err := ParseNumber(strings.TrimSpace(strings.TrimSuffix(v, "%")))
			return err == nil
		}
	case f.Type == TypePercent:
		ok = func(v string) bool { _, err := ParsePercent(v); return err == nil }
	case f.Type == TypeEmail:
		ok = func(v string) bool { _, err := mail.ParseAddress(v); return err == nil }
	case f.Name == "ref":
		ok = looksLikeRef
	case personFields[f.Name]:
		ok = looksLikePerson
	case titleFields[f.Name]:
		ok = func(v string) bool { return !scoreAlone(v) }
	default:
		return true, ""
	}
	n, bad := 0, ""
	for _, v := range sample {
		if ok(v) {
			n++
		} else if bad == "" {
			bad = v
		}
	}
	share := fitShare
	if exact {
		share = exactFitShare
	}
	return float64(n) >= share*float64(len(sample))-1e-9, bad
}

// typeNoun names what a field's values must be, for messages.
func typeNoun(f Field) string {
	switch {
	case f.Type == TypeEnum:
		labels := make([]string, 0, len(f.Options))
		for _, o := range f.Options {
			labels = append(labels, o.Label)
		}
		return "values such as " + strings.Join(labels, ", ")
	case f.Type == TypeLevel:
		return "scores (levels, percentages or words such as Low, High)"
	case f.Type == TypeBool:
		return "yes or no"
	case f.Type == TypeDate:
		return "dates"
	case f.Type == TypeInt, f.Type == TypeFloat:
		return "numbers"
	case f.Type == TypePercent:
		return "percentages"
	case f.Type == TypeEmail:
		return "e-mail addresses"
	case f.Name == "ref":
		return "references (short codes such as A.5.1)"
	case personFields[f.Name]:
		return "people's names or e-mails"
	}
	return "titles (they are numbers or levels)"
}

// looksLikeRef reports whether a value reads as a reference: short, on one line, a few
// words, with a digit or as short as a code ("AC-1", "A.5.1", "Recital 12", "GV").
func looksLikeRef(v string) bool {
	n := utf8.RuneCountInString(v)
	if n > 40 || strings.ContainsAny(v, "\n\r") || len(strings.Fields(v)) > 4 {
		return false
	}
	return n <= 12 || strings.ContainsAny(v, "0123456789")
}

// looksLikePerson reports whether a value reads as a person or a role: an e-mail address,
// or a few words without digits ("Jane Doe", "CISO", "IT Manager").
func looksLikePerson(v string) bool {
	if strings.Contains(v, "@") {
		_, err := mail.ParseAddress(v)
		return err == nil
	}
	if utf8.RuneCountInString(v) > 60 || len(strings.Fields(v)) > 6 || Prose(v) {
		return false
	}
	return !strings.ContainsAny(v, "0123456789")
}

var (
	requirementNames = map[string]bool{"requirement": true, "requirements": true, "exigence": true, "anforderung": true, "requisito": true, "obligation": true}
	descriptionNames = map[string]bool{"description": true, "details": true, "detail": true, "summary": true, "explanation": true,
		"beschreibung": true, "descripción": true, "descripcion": true, "description de l'exigence": true}
)

// columnName returns the header name of the column with that letter.
func columnName(h Header, letter string) string {
	for _, c := range h.Columns {
		if c.Letter == letter {
			return c.Name
		}
	}
	return ""
}

// titleFrom names the field whose first line gives a record its title when the sheet has
// no title column.
var titleFrom = map[string]string{KindRequirements: "text", KindRisks: "description", KindNonconformities: "description", KindImprovements: "goal"}

// Check returns problems with the mapping itself: unknown fields, columns outside the
// header, required fields left unmapped.
func (m Mapping) Check(h Header) []Problem {
	fields, err := Fields(m.Kind)
	if err != nil {
		return []Problem{{Message: err.Error()}}
	}
	var out []Problem
	for f, l := range m.Columns {
		if _, ok := field(m.Kind, f); !ok {
			out = append(out, Problem{Column: l, Field: f, Message: "is not a field of " + m.Kind})
			continue
		}
		if _, ok := h.Column(ColumnIndex(l)); !ok {
			out = append(out, Problem{Column: l, Field: f, Message: "column " + l + " is not part of the table"})
		}
	}
	for _, f := range fields {
		if _, ok := m.Columns[f.Name]; f.Required && !ok && !(m.Kind == KindControls && f.Name == "ref") &&
			!(f.Name == "title" && m.Columns[titleFrom[m.Kind]] != "") &&
			!(m.Kind == KindAcknowledgements && f.Name == "person" && m.Columns["email"] != "") &&
			!(m.Kind == KindAttendance && f.Name == "training" && m.Columns["trainingRef"] != "") &&
			!(m.Kind == KindPeople && f.Name == "name" && (m.Columns["firstName"] != "" || m.Columns["lastName"] != "")) {
			msg := f.Label + " is required: choose the column that holds it"
			if m.Kind == KindAcknowledgements && f.Name == "person" {
				msg = "Person is required: choose the column that holds the person's name or e-mail"
			}
			out = append(out, Problem{Field: f.Name, Message: msg})
		}
	}
	if m.Kind == KindAuditResults && m.Columns["ref"] == "" && m.Columns["question"] == "" {
		out = append(out, Problem{Field: "question", Message: "Question or clause is required: choose the column that holds the checklist question, or the clause or control it checks (such as 9.2 or A.5.15)"})
	}
	if m.Kind == KindControls && m.Columns["ref"] == "" && m.Columns["title"] == "" {
		out = append(out, Problem{Field: "ref", Message: "Control reference or title is required: choose the column that holds the Annex A reference (such as A.5.1) or the control's title"})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Field < out[j].Field })
	return out
}

// Describe writes the mapping one field a line, in the kind's field order, as
// `ref ← A "Clause" (exact)`; the confidence is left out when unknown.
func (m Mapping) Describe(h Header) []string {
	fields, _ := Fields(m.Kind)
	var out []string
	for _, f := range fields {
		l, ok := m.Columns[f.Name]
		if !ok {
			continue
		}
		line := f.Name + " ← " + l + " " + strconv.Quote(columnName(h, l))
		if c := m.Confidence[f.Name]; c != "" {
			line += " (" + c + ")"
		}
		out = append(out, line)
	}
	return out
}
