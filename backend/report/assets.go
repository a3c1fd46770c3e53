package report

import (
	"fmt"

	"github.com/ismsdesk/ismsdesk/backend/isms"
)

// AssetColumns are the header names of the asset inventory, in order. They are the
// plain names the import feature maps back to asset fields.
var AssetColumns = []string{"Reference", "Name", "Type", "Owner", "Custodian", "Location", "Classification",
	"Description", "Acquired on", "Review date", "Status", "Risks", "Controls", "Notes"}

// assetStatusRAG colours an asset's status: a planned asset is not yet protected as it will be.
var assetStatusRAG = map[string]string{
	isms.AssetStatuses.Label(isms.AssetInUse):   ragGreen,
	isms.AssetStatuses.Label(isms.AssetPlanned): ragAmber,
}

func buildAssets(s *snap) (string, string, []sheet, error) {
	assets := all[*isms.Asset](s, isms.KindAsset)
	widths := []float64{12, 32, 16, 20, 20, 24, 14, 44, 12, 12, 10, 22, 26, 36}
	cols := make([]column, len(AssetColumns))
	for i, n := range AssetColumns {
		cols[i] = column{Name: n, Width: widths[i]}
	}
	cols[10].RAG = assetStatusRAG
	t := &table{Cols: cols, N: len(assets), Rows: func(emit func(...any) error) error {
		for _, a := range assets {
			if err := emit(a.Ref, a.Name, isms.AssetTypes.Label(a.Type), s.name(a.OwnerID), s.name(a.CustodianID), a.Location,
				isms.Classifications.Label(a.Classification), a.Description, a.AcquiredOn, a.ReviewDate,
				isms.AssetStatuses.Label(a.Status), s.refs(isms.KindRisk, a.RiskIDs), s.refs(isms.KindControl, a.ControlIDs),
				a.Notes); err != nil {
				return err
			}
		}
		return nil
	}}
	return "Asset inventory", s.asAt(), []sheet{boardAssets(s), {Name: "Asset inventory", About: fmt.Sprintf(
		"The inventory of %d information and other associated assets with owners, custodians, classification and the risks and controls linked to them (A.5.9, A.5.12); the import reads this sheet back.", len(assets)), Table: t}}, nil
}
