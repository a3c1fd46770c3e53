package xlsx

import (
	"errors"
	"regexp"
	"strconv"
	"strings"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// The enums of the registers of objectives, KPIs, policies, trainings, campaigns,
// communications, audit checklists, nonconformities, actions, improvements and feedback:
// ParseEnum reads each from its value, its label or one of these words in English,
// French, German or Spanish.
var kindEnums = map[string]struct {
	enum isms.Enum
	syn  map[string]string
}{
	"objectiveStatus": {isms.ObjectiveStatuses, map[string]string{
		"draft": isms.ObjectiveProposed, "new": isms.ObjectiveProposed, "proposé": isms.ObjectiveProposed, "vorgeschlagen": isms.ObjectiveProposed, "propuesto": isms.ObjectiveProposed,
		"approuvé": isms.ObjectiveApproved, "genehmigt": isms.ObjectiveApproved, "aprobado": isms.ObjectiveApproved, "agreed": isms.ObjectiveApproved,
		"at risk": isms.ObjectiveInProgress, "behind": isms.ObjectiveInProgress, "delayed": isms.ObjectiveInProgress,
		"ongoing": isms.ObjectiveInProgress, "en cours": isms.ObjectiveInProgress, "in bearbeitung": isms.ObjectiveInProgress, "in arbeit": isms.ObjectiveInProgress, "en curso": isms.ObjectiveInProgress, "on track": isms.ObjectiveInProgress,
		"met": isms.ObjectiveAchieved, "done": isms.ObjectiveAchieved, "atteint": isms.ObjectiveAchieved, "erreicht": isms.ObjectiveAchieved, "alcanzado": isms.ObjectiveAchieved, "logrado": isms.ObjectiveAchieved,
		"not met": isms.ObjectiveMissed, "failed": isms.ObjectiveMissed, "manqué": isms.ObjectiveMissed, "non atteint": isms.ObjectiveMissed, "verfehlt": isms.ObjectiveMissed, "no alcanzado": isms.ObjectiveMissed,
		"annulé": isms.ObjectiveCancelled, "abgebrochen": isms.ObjectiveCancelled, "storniert": isms.ObjectiveCancelled, "cancelado": isms.ObjectiveCancelled, "canceled": isms.ObjectiveCancelled,
	}},
	"frequency": {isms.Frequencies, map[string]string{
		"week": isms.FrequencyWeekly, "hebdomadaire": isms.FrequencyWeekly, "wöchentlich": isms.FrequencyWeekly, "semanal": isms.FrequencyWeekly,
		"month": isms.FrequencyMonthly, "mensuel": isms.FrequencyMonthly, "mensuelle": isms.FrequencyMonthly, "monatlich": isms.FrequencyMonthly, "mensual": isms.FrequencyMonthly,
		"quarter": isms.FrequencyQuarterly, "trimestriel": isms.FrequencyQuarterly, "trimestrielle": isms.FrequencyQuarterly, "vierteljährlich": isms.FrequencyQuarterly, "quartalsweise": isms.FrequencyQuarterly, "trimestral": isms.FrequencyQuarterly,
		"half yearly": isms.FrequencyHalfYearly, "semi-annual": isms.FrequencyHalfYearly, "semi annual": isms.FrequencyHalfYearly, "biannual": isms.FrequencyHalfYearly, "semestriel": isms.FrequencyHalfYearly, "semestrielle": isms.FrequencyHalfYearly, "halbjährlich": isms.FrequencyHalfYearly, "semestral": isms.FrequencyHalfYearly,
		"annual": isms.FrequencyYearly, "annually": isms.FrequencyYearly, "year": isms.FrequencyYearly, "annuel": isms.FrequencyYearly, "annuelle": isms.FrequencyYearly, "jährlich": isms.FrequencyYearly, "anual": isms.FrequencyYearly,
	}},
	"direction": {isms.Directions, map[string]string{
		"higher": isms.HigherIsBetter, "up": isms.HigherIsBetter, "maximise": isms.HigherIsBetter, "maximize": isms.HigherIsBetter, "increase": isms.HigherIsBetter, "↑": isms.HigherIsBetter,
		"plus élevé est meilleur": isms.HigherIsBetter, "à la hausse": isms.HigherIsBetter, "höher ist besser": isms.HigherIsBetter, "mayor es mejor": isms.HigherIsBetter,
		"lower": isms.LowerIsBetter, "down": isms.LowerIsBetter, "minimise": isms.LowerIsBetter, "minimize": isms.LowerIsBetter, "decrease": isms.LowerIsBetter, "↓": isms.LowerIsBetter,
		"plus bas est meilleur": isms.LowerIsBetter, "à la baisse": isms.LowerIsBetter, "niedriger ist besser": isms.LowerIsBetter, "menor es mejor": isms.LowerIsBetter,
	}},
	"docType": {isms.DocTypes, map[string]string{
		"politique": isms.DocPolicy, "richtlinie": isms.DocPolicy, "leitlinie": isms.DocPolicy, "política": isms.DocPolicy, "politica": isms.DocPolicy,
		"process": isms.DocProcedure, "work instruction": isms.DocProcedure, "procédure": isms.DocProcedure, "verfahren": isms.DocProcedure, "verfahrensanweisung": isms.DocProcedure, "procedimiento": isms.DocProcedure,
		"norme": isms.DocStandard, "standard interne": isms.DocStandard, "standard (intern)": isms.DocStandard, "norma": isms.DocStandard, "estándar": isms.DocStandard,
	}},
	"policyStatus": {isms.PolicyStatuses, map[string]string{
		"brouillon": isms.PolicyDraft, "entwurf": isms.PolicyDraft, "borrador": isms.PolicyDraft,
		"under review": isms.PolicyInReview, "for approval": isms.PolicyInReview, "en revue": isms.PolicyInReview, "en relecture": isms.PolicyInReview, "in prüfung": isms.PolicyInReview, "en revisión": isms.PolicyInReview,
		"approuvé": isms.PolicyApproved, "genehmigt": isms.PolicyApproved, "freigegeben": isms.PolicyApproved, "aprobado": isms.PolicyApproved,
		"rejeté": isms.PolicyRejected, "abgelehnt": isms.PolicyRejected, "rechazado": isms.PolicyRejected,
		"live": isms.PolicyPublished, "in force": isms.PolicyPublished, "current": isms.PolicyPublished, "publié": isms.PolicyPublished, "en vigueur": isms.PolicyPublished, "veröffentlicht": isms.PolicyPublished, "in kraft": isms.PolicyPublished, "publicado": isms.PolicyPublished, "vigente": isms.PolicyPublished,
		"withdrawn": isms.PolicyRetired, "obsolete": isms.PolicyRetired, "archived": isms.PolicyRetired, "retiré": isms.PolicyRetired, "obsolète": isms.PolicyRetired, "zurückgezogen": isms.PolicyRetired, "außer kraft": isms.PolicyRetired, "retirado": isms.PolicyRetired, "obsoleto": isms.PolicyRetired,
	}},
	"trainingStatus": {isms.TrainingStatuses, map[string]string{
		"scheduled": isms.TrainingPlanned, "upcoming": isms.TrainingPlanned, "prévu": isms.TrainingPlanned, "planifié": isms.TrainingPlanned, "geplant": isms.TrainingPlanned, "planificado": isms.TrainingPlanned, "programado": isms.TrainingPlanned,
		"done": isms.TrainingHeld, "delivered": isms.TrainingHeld, "completed": isms.TrainingHeld, "réalisé": isms.TrainingHeld, "effectué": isms.TrainingHeld, "durchgeführt": isms.TrainingHeld, "realizado": isms.TrainingHeld, "impartido": isms.TrainingHeld,
		"canceled": isms.TrainingCancelled, "annulé": isms.TrainingCancelled, "abgesagt": isms.TrainingCancelled, "cancelado": isms.TrainingCancelled,
	}},
	"channel": {isms.Channels, map[string]string{
		"email": isms.ChannelEmail, "mail": isms.ChannelEmail, "courriel": isms.ChannelEmail, "correo": isms.ChannelEmail, "correo electrónico": isms.ChannelEmail,
		"posters": isms.ChannelPoster, "affiche": isms.ChannelPoster, "affichage": isms.ChannelPoster, "plakat": isms.ChannelPoster, "aushang": isms.ChannelPoster, "cartel": isms.ChannelPoster,
		"intranet page": isms.ChannelIntranet, "sharepoint": isms.ChannelIntranet,
		"teams": isms.ChannelMeeting, "teams call": isms.ChannelMeeting, "zoom": isms.ChannelMeeting, "webex": isms.ChannelMeeting, "video call": isms.ChannelMeeting, "webinar": isms.ChannelMeeting,
		"meetings": isms.ChannelMeeting, "town hall": isms.ChannelMeeting, "all hands": isms.ChannelMeeting, "réunion": isms.ChannelMeeting, "besprechung": isms.ChannelMeeting, "versammlung": isms.ChannelMeeting, "reunión": isms.ChannelMeeting,
		"lettre d'information": isms.ChannelNewsletter, "bulletin": isms.ChannelNewsletter, "rundbrief": isms.ChannelNewsletter, "boletín": isms.ChannelNewsletter,
		"elearning": isms.ChannelELearning, "e learning": isms.ChannelELearning, "online course": isms.ChannelELearning, "lms": isms.ChannelELearning, "formation en ligne": isms.ChannelELearning, "online-schulung": isms.ChannelELearning, "formación en línea": isms.ChannelELearning,
		"autre": isms.ChannelOther, "sonstige": isms.ChannelOther, "andere": isms.ChannelOther, "otro": isms.ChannelOther,
	}},
	"campaignStatus": {isms.CampaignStatuses, map[string]string{
		"scheduled": isms.CampaignPlanned, "prévu": isms.CampaignPlanned, "planifié": isms.CampaignPlanned, "geplant": isms.CampaignPlanned, "planificado": isms.CampaignPlanned,
		"running": isms.CampaignActive, "in progress": isms.CampaignActive, "ongoing": isms.CampaignActive, "en cours": isms.CampaignActive, "laufend": isms.CampaignActive, "aktiv": isms.CampaignActive, "activo": isms.CampaignActive, "en curso": isms.CampaignActive,
		"done": isms.CampaignCompleted, "finished": isms.CampaignCompleted, "terminé": isms.CampaignCompleted, "abgeschlossen": isms.CampaignCompleted, "completado": isms.CampaignCompleted, "terminado": isms.CampaignCompleted,
		"canceled": isms.CampaignCancelled, "annulé": isms.CampaignCancelled, "abgesagt": isms.CampaignCancelled, "cancelado": isms.CampaignCancelled,
	}},
	"checklistResult": {isms.ChecklistResults, map[string]string{
		"not assessed": isms.ResultNotChecked, "to do": isms.ResultNotChecked, "open": isms.ResultNotChecked, "non vérifié": isms.ResultNotChecked, "nicht geprüft": isms.ResultNotChecked, "no verificado": isms.ResultNotChecked,
		"conform": isms.ResultConforming, "conformity": isms.ResultConforming, "compliant": isms.ResultConforming, "ok": isms.ResultConforming, "pass": isms.ResultConforming, "passed": isms.ResultConforming, "c": isms.ResultConforming,
		"conforme": isms.ResultConforming, "konform": isms.ResultConforming, "erfüllt": isms.ResultConforming, "cumple": isms.ResultConforming,
		"obs": isms.ResultObservation, "remarque": isms.ResultObservation, "beobachtung": isms.ResultObservation, "hinweis": isms.ResultObservation, "observación": isms.ResultObservation,
		"ofi": isms.ResultOpportunity, "oi": isms.ResultOpportunity, "opportunity": isms.ResultOpportunity, "improvement opportunity": isms.ResultOpportunity, "piste de progrès": isms.ResultOpportunity,
		"opportunité d'amélioration": isms.ResultOpportunity, "piste d'amélioration": isms.ResultOpportunity, "verbesserungspotenzial": isms.ResultOpportunity, "empfehlung": isms.ResultOpportunity, "oportunidad de mejora": isms.ResultOpportunity,
		"nc-minor": isms.ResultMinorNC, "minor-nc": isms.ResultMinorNC, "minor non-conformity": isms.ResultMinorNC, "minor nonconformity": isms.ResultMinorNC,
		"nc-major": isms.ResultMajorNC, "major-nc": isms.ResultMajorNC, "major non-conformity": isms.ResultMajorNC, "major nonconformity": isms.ResultMajorNC,
		"n/s": isms.ResultNotSampled, "not sampled": isms.ResultNotSampled, "ns": isms.ResultNotSampled,
		"minor": isms.ResultMinorNC, "minor nc": isms.ResultMinorNC, "nc minor": isms.ResultMinorNC, "nc mineure": isms.ResultMinorNC, "non-conformité mineure": isms.ResultMinorNC, "non conformité mineure": isms.ResultMinorNC,
		"nebenabweichung": isms.ResultMinorNC, "geringfügige abweichung": isms.ResultMinorNC, "no conformidad menor": isms.ResultMinorNC,
		"major": isms.ResultMajorNC, "major nc": isms.ResultMajorNC, "nc major": isms.ResultMajorNC, "nc majeure": isms.ResultMajorNC, "non-conformité majeure": isms.ResultMajorNC, "non conformité majeure": isms.ResultMajorNC,
		"hauptabweichung": isms.ResultMajorNC, "wesentliche abweichung": isms.ResultMajorNC, "no conformidad mayor": isms.ResultMajorNC,
		"n/a": isms.ResultNotSampled, "na": isms.ResultNotSampled, "not applicable": isms.ResultNotSampled, "not audited": isms.ResultNotSampled, "non échantillonné": isms.ResultNotSampled,
		"non audité": isms.ResultNotSampled, "nicht auditiert": isms.ResultNotSampled, "no muestreado": isms.ResultNotSampled, "no auditado": isms.ResultNotSampled,
	}},
	"ncSource": {isms.NonconformitySources, map[string]string{
		"external audit": isms.NCSourceAudit, "certification audit": isms.NCSourceAudit, "surveillance audit": isms.NCSourceAudit, "audit externe": isms.NCSourceAudit,
		"externes audit": isms.NCSourceAudit, "zertifizierungsaudit": isms.NCSourceAudit, "auditoría externa": isms.NCSourceAudit, "supplier audit": isms.NCSourceAudit,
		"customer complaint": isms.NCSourceFeedback, "client complaint": isms.NCSourceFeedback, "customer feedback": isms.NCSourceFeedback, "réclamation client": isms.NCSourceFeedback,
		"kundenbeschwerde": isms.NCSourceFeedback, "queja de cliente": isms.NCSourceFeedback, "self-identified": isms.NCSourceOther, "self identified": isms.NCSourceOther,
		"audit": isms.NCSourceAudit, "internal audit finding": isms.NCSourceAudit, "audit interne": isms.NCSourceAudit, "internes audit": isms.NCSourceAudit, "auditoría interna": isms.NCSourceAudit, "auditoría": isms.NCSourceAudit,
		"review": isms.NCSourceReview, "revue de direction": isms.NCSourceReview, "managementbewertung": isms.NCSourceReview, "revisión por la dirección": isms.NCSourceReview,
		"security incident": isms.NCSourceIncident, "incident de sécurité": isms.NCSourceIncident, "vorfall": isms.NCSourceIncident, "sicherheitsvorfall": isms.NCSourceIncident, "incidente": isms.NCSourceIncident,
		"complaint": isms.NCSourceFeedback, "retour": isms.NCSourceFeedback, "réclamation": isms.NCSourceFeedback, "rückmeldung": isms.NCSourceFeedback, "beschwerde": isms.NCSourceFeedback, "queja": isms.NCSourceFeedback, "comentarios": isms.NCSourceFeedback,
		"autre": isms.NCSourceOther, "sonstige": isms.NCSourceOther, "otro": isms.NCSourceOther,
	}},
	"ncStatus": {isms.NonconformityStatuses, map[string]string{
		"new": isms.NCOpen, "raised": isms.NCOpen, "ouvert": isms.NCOpen, "offen": isms.NCOpen, "abierto": isms.NCOpen,
		"in progress": isms.NCCorrectiveAction, "ongoing": isms.NCCorrectiveAction, "en cours": isms.NCCorrectiveAction, "in bearbeitung": isms.NCCorrectiveAction, "en curso": isms.NCCorrectiveAction,
		"corrected": isms.NCCorrection, "en correction": isms.NCCorrection, "korrektur": isms.NCCorrection, "corrección": isms.NCCorrection,
		"root cause": isms.NCRootCause, "analysis": isms.NCRootCause, "analyse des causes": isms.NCRootCause, "ursachenanalyse": isms.NCRootCause, "análisis de causa raíz": isms.NCRootCause,
		"action": isms.NCCorrectiveAction, "actions": isms.NCCorrectiveAction, "action corrective": isms.NCCorrectiveAction, "korrekturmaßnahme": isms.NCCorrectiveAction, "acción correctiva": isms.NCCorrectiveAction,
		"effectiveness": isms.NCEffectivenessReview, "verification": isms.NCEffectivenessReview, "vérification de l'efficacité": isms.NCEffectivenessReview, "wirksamkeitsprüfung": isms.NCEffectivenessReview, "verificación de la eficacia": isms.NCEffectivenessReview,
		"done": isms.NCClosed, "clos": isms.NCClosed, "fermé": isms.NCClosed, "clôturé": isms.NCClosed, "geschlossen": isms.NCClosed, "abgeschlossen": isms.NCClosed, "cerrado": isms.NCClosed,
	}},
	"verdict": {isms.Verdicts, map[string]string{
		"yes": isms.VerdictEffective, "effective: yes": isms.VerdictEffective, "efficace": isms.VerdictEffective, "wirksam": isms.VerdictEffective, "eficaz": isms.VerdictEffective, "efectivo": isms.VerdictEffective,
		"no": isms.VerdictNotEffective, "ineffective": isms.VerdictNotEffective, "inefficace": isms.VerdictNotEffective, "non efficace": isms.VerdictNotEffective, "unwirksam": isms.VerdictNotEffective, "nicht wirksam": isms.VerdictNotEffective, "ineficaz": isms.VerdictNotEffective, "no eficaz": isms.VerdictNotEffective,
	}},
	"actionStatus": {isms.ActionStatuses, map[string]string{
		"new": isms.ActionOpen, "to do": isms.ActionOpen, "todo": isms.ActionOpen, "not started": isms.ActionOpen, "ouvert": isms.ActionOpen, "à faire": isms.ActionOpen, "offen": isms.ActionOpen, "abierto": isms.ActionOpen, "pendiente": isms.ActionOpen,
		"ongoing": isms.ActionInProgress, "started": isms.ActionInProgress, "en cours": isms.ActionInProgress, "in bearbeitung": isms.ActionInProgress, "in arbeit": isms.ActionInProgress, "en curso": isms.ActionInProgress, "en progreso": isms.ActionInProgress,
		"complete": isms.ActionDone, "completed": isms.ActionDone, "closed": isms.ActionDone, "terminé": isms.ActionDone, "fait": isms.ActionDone, "réalisé": isms.ActionDone, "erledigt": isms.ActionDone, "abgeschlossen": isms.ActionDone, "hecho": isms.ActionDone, "completado": isms.ActionDone, "cerrado": isms.ActionDone,
		"canceled": isms.ActionCancelled, "dropped": isms.ActionCancelled, "annulé": isms.ActionCancelled, "abgebrochen": isms.ActionCancelled, "storniert": isms.ActionCancelled, "cancelado": isms.ActionCancelled,
	}},
	"improvementStatus": {isms.ImprovementStatuses, map[string]string{
		"idea": isms.ImprovementProposed, "new": isms.ImprovementProposed, "proposé": isms.ImprovementProposed, "vorgeschlagen": isms.ImprovementProposed, "propuesto": isms.ImprovementProposed,
		"agreed": isms.ImprovementApproved, "approuvé": isms.ImprovementApproved, "genehmigt": isms.ImprovementApproved, "aprobado": isms.ImprovementApproved,
		"ongoing": isms.ImprovementInProgress, "started": isms.ImprovementInProgress, "en cours": isms.ImprovementInProgress, "in bearbeitung": isms.ImprovementInProgress, "in arbeit": isms.ImprovementInProgress, "en curso": isms.ImprovementInProgress,
		"complete": isms.ImprovementDone, "completed": isms.ImprovementDone, "terminé": isms.ImprovementDone, "réalisé": isms.ImprovementDone, "erledigt": isms.ImprovementDone, "abgeschlossen": isms.ImprovementDone, "hecho": isms.ImprovementDone, "completado": isms.ImprovementDone,
		"open": isms.ImprovementProposed, "on hold": isms.ImprovementApproved, "paused": isms.ImprovementApproved, "en attente": isms.ImprovementApproved, "zurückgestellt": isms.ImprovementApproved,
		"closed - not pursued": isms.ImprovementRejected, "not pursued": isms.ImprovementRejected, "closed - rejected": isms.ImprovementRejected, "closed - done": isms.ImprovementDone, "implemented": isms.ImprovementDone,
		"declined": isms.ImprovementRejected, "rejeté": isms.ImprovementRejected, "refusé": isms.ImprovementRejected, "abgelehnt": isms.ImprovementRejected, "rechazado": isms.ImprovementRejected,
	}},
	"sentiment": {isms.Sentiments, map[string]string{
		"good": isms.SentimentPositive, "+": isms.SentimentPositive, "positif": isms.SentimentPositive, "positiv": isms.SentimentPositive, "positivo": isms.SentimentPositive, "praise": isms.SentimentPositive,
		"mixed": isms.SentimentNeutral, "neutre": isms.SentimentNeutral, "neutro": isms.SentimentNeutral,
		"bad": isms.SentimentNegative, "-": isms.SentimentNegative, "complaint": isms.SentimentNegative, "négatif": isms.SentimentNegative, "negativ": isms.SentimentNegative, "negativo": isms.SentimentNegative,
	}},
	"feedbackStatus": {isms.FeedbackStatuses, map[string]string{
		"open": isms.FeedbackNew, "received": isms.FeedbackNew, "nouveau": isms.FeedbackNew, "neu": isms.FeedbackNew, "nuevo": isms.FeedbackNew,
		"acknowledged": isms.FeedbackAccepted, "accepté": isms.FeedbackAccepted, "pris en compte": isms.FeedbackAccepted, "angenommen": isms.FeedbackAccepted, "akzeptiert": isms.FeedbackAccepted, "aceptado": isms.FeedbackAccepted,
		"converted": isms.FeedbackConverted, "improvement": isms.FeedbackConverted, "logged as improvement": isms.FeedbackConverted, "converted to improvement": isms.FeedbackConverted,
		"raised": isms.FeedbackRaised, "nonconformity": isms.FeedbackRaised, "escalated to nc": isms.FeedbackRaised, "raised as nc": isms.FeedbackRaised, "escalated": isms.FeedbackRaised,
		"closed": isms.FeedbackAccepted, "answered": isms.FeedbackAccepted, "responded": isms.FeedbackAccepted, "resolved": isms.FeedbackAccepted,
		"declined": isms.FeedbackRejected, "rejeté": isms.FeedbackRejected, "refusé": isms.FeedbackRejected, "abgelehnt": isms.FeedbackRejected, "rechazado": isms.FeedbackRejected,
	}},
}

func init() {
	for name, e := range kindEnums {
		enumOf[name] = e.enum
		enumSynonyms[name] = e.syn
	}
}

// periodWords are periods in months, in English, French, German and Spanish.
var periodWords = map[string]int{
	"monthly": 1, "mensuel": 1, "mensuelle": 1, "monatlich": 1, "mensual": 1,
	"quarterly": 3, "trimestriel": 3, "trimestrielle": 3, "vierteljährlich": 3, "quartalsweise": 3, "trimestral": 3,
	"half-yearly": 6, "half yearly": 6, "semi-annual": 6, "semi-annually": 6, "biannual": 6, "six-monthly": 6, "semestriel": 6, "semestrielle": 6, "halbjährlich": 6, "semestral": 6,
	"annual": 12, "annually": 12, "yearly": 12, "every year": 12, "annuel": 12, "annuelle": 12, "jährlich": 12, "anual": 12,
	"biennial": 24, "every two years": 24, "every 2 years": 24, "bisannuel": 24, "alle zwei jahre": 24, "bienal": 24,
}

var (
	monthsRE = regexp.MustCompile(`(?i)^\s*(?:every\s+)?(\d+)[\s-]*(months?|monthly|mois|monate?|monatlich|meses|mes|m)?\s*$`)
	yearsRE  = regexp.MustCompile(`(?i)^\s*(?:every\s+)?(\d+)[\s-]*(years?|yearly|ans?|années?|jahre?|jährlich|años?)\s*$`)
)

// ParseMonths reads a period in months: "12", "12 months", "2 years", or a word such as
// Annual, Quarterly or Monthly (also in French, German and Spanish).
func ParseMonths(s string) (int, error) {
	t := strings.ToLower(foldSpace(s))
	if t == "" {
		return 0, nil
	}
	if n, ok := periodWords[t]; ok {
		return n, nil
	}
	if m := monthsRE.FindStringSubmatch(t); m != nil {
		return strconv.Atoi(m[1])
	}
	if m := yearsRE.FindStringSubmatch(t); m != nil {
		n, err := strconv.Atoi(m[1])
		return n * 12, err
	}
	if f, err := ParseNumber(t); err == nil && f >= 0 && f == float64(int(f)) {
		return int(f), nil
	}
	return 0, errors.New("expected a number of months or a period such as Annual or Quarterly, got " + quote(s))
}

// periodFields are the fields whose values are periods in months (ParseMonths).
var periodFields = map[string]bool{"reviewCycleMonths": true, "renewalMonths": true}
