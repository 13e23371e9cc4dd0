import { BarChartOutlined, ExportOutlined, ImportOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { StockAlerts, StockRow } from '../../../../shared/contract/materials';
import { formatChineseDate } from '../../../../shared/dates';
import { LOCATION_KINDS, LOCATION_KIND_LABELS, type LocationKind } from '../../../../shared/materials';
import { invoke } from '../../api';
import { useAction } from '../../components/useAction';
import { useExportXlsx } from '../../components/ExportXlsxButton';
import { stockFilter } from '../../../../shared/stockFilter';
import { useHotkey } from '../../components/useHotkey';
import { useServerToday } from '../../components/useServerToday';
import { navigate } from '../../router';
import { hasRole, useSession } from '../../session';
import { ExpiryCell, KEEPERS, LocationCell, Qty, RECEIVERS, Yuan, locationOption, useCatalog } from './materialsLabels';

/** 物资库存: what is where (the centre's store or left with the donor), with the warnings. */
export function StockPage() {
  const { user } = useSession();
  const canReceive = hasRole(user, RECEIVERS);
  const canKeep = hasRole(user, KEEPERS);
  const { items, locations } = useCatalog();
  const [rows, setRows] = useState<StockRow[]>([]);
  const [alerts, setAlerts] = useState<StockAlerts | null>(null);
  const [locationId, setLocationId] = useState<number | undefined>();
  const [kind, setKind] = useState<LocationKind | undefined>();
  const [q, setQ] = useState('');
  const [onlyAlerts, setOnlyAlerts] = useState(false);
  const { busy, run } = useAction();
  // 已过期 is judged on the program's today, as the workbook is, not the PC's
  const today = useServerToday();

  const load = useCallback(() => {
    void run(() => Promise.all([invoke('materials.stock', locationId ? { locationId } : {}), invoke('materials.alerts', {})])).then((r) => {
      if (r) (setRows(r[0]), setAlerts(r[1]));
    });
  }, [run, locationId]);
  useEffect(load, [load]);

  useHotkey({ key: 'r', alt: true }, () => navigate('/materials/receive'), canReceive);
  useHotkey({ key: 'i', alt: true }, () => navigate('/materials/issue'), canKeep);

  const itemById = useMemo(() => new Map(items.map((i) => [i.id, i])), [items]);
  const locationById = useMemo(() => new Map(locations.map((l) => [l.id, l])), [locations]);
  const lowIds = new Set(alerts?.lowStock.map((a) => a.itemId));
  const nearKey = (itemId: number, locationName: string, expiry: string | null) => `${itemId}|${locationName}|${expiry ?? ''}`;
  const nearKeys = new Set(alerts?.nearExpiry.map((a) => nearKey(a.itemId, a.locationName, a.expiryDate)));

  // The same filter the workbook applies (shared/stockFilter.ts).
  const filter = { ...(locationId ? { locationId } : {}), ...(kind ? { kind } : {}), ...(q.trim() ? { q: q.trim() } : {}), onlyAlerts };
  const shown = today ? rows.filter(stockFilter(filter, itemById, alerts, today)) : [];
  const exporter = useExportXlsx((jobId) => invoke('materials.stockXlsx', { ...filter, jobId }), 'stock-export');
  const totalFen = shown.reduce((s, r) => s + r.valueFen, 0);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {alerts && (alerts.lowStock.length > 0 || alerts.nearExpiry.length > 0) && (
        <Alert
          type="warning"
          showIcon
          data-testid="stock-alerts"
          title={`库存预警：${alerts.lowStock.length} 种低于预警线，${alerts.nearExpiry.length} 批临近到期`}
          description={
            <Space orientation="vertical" size={2}>
              {alerts.lowStock.length > 0 && (
                <span data-testid="stock-alerts-low">
                  低库存：
                  {alerts.lowStock.map((a) => `${a.itemName} 现有 ${a.onHand}${a.unit}（预警线 ${a.lowStock}${a.unit}）`).join('；')}
                </span>
              )}
              {alerts.nearExpiry.length > 0 && (
                <span data-testid="stock-alerts-expiry">
                  临期：
                  {alerts.nearExpiry.map((a) => `${a.itemName} ${a.quantity}${a.unit}（${a.locationName}，${formatChineseDate(a.expiryDate)}到期）`).join('；')}
                </span>
              )}
            </Space>
          }
        />
      )}
      <Card
        title="物资库存"
        extra={
          <Space wrap>
            {canReceive && (
              <Button type="primary" icon={<ImportOutlined />} onClick={() => navigate('/materials/receive')} data-testid="stock-receive">
                物资入库 <Typography.Text style={{ color: 'inherit', opacity: 0.75, fontSize: 12 }}>Alt+R</Typography.Text>
              </Button>
            )}
            {canKeep && (
              <Button icon={<ExportOutlined />} onClick={() => navigate('/materials/issue')} data-testid="stock-issue">
                物资发放 <Typography.Text type="secondary" style={{ fontSize: 12 }}>Alt+I</Typography.Text>
              </Button>
            )}
            {canKeep && (
              <Button icon={<SwapOutlined />} onClick={() => navigate('/materials/moves')} data-testid="stock-moves">
                调拨、报损与盘点
              </Button>
            )}
            {!canKeep && (
              <Button icon={<SwapOutlined />} onClick={() => navigate('/materials/moves')} data-testid="stock-moves">
                物资单据
              </Button>
            )}
            <Button icon={<BarChartOutlined />} onClick={() => navigate('/materials/ledger')} data-testid="stock-ledger">
              收发存月报
            </Button>
          </Space>
        }
      >
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search allowClear placeholder="品名、规格、类别或地点" style={{ width: 240 }} value={q} onChange={(e) => setQ(e.target.value)} data-testid="stock-search" />
          <Select<number>
            allowClear
            placeholder="全部存放地点"
            style={{ width: 300 }}
            value={locationId}
            onChange={setLocationId}
            options={locations.map(locationOption)}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="stock-filter-location"
          />
          <Select<LocationKind>
            allowClear
            placeholder="中心仓库和代管"
            style={{ width: 160 }}
            value={kind}
            onChange={setKind}
            options={LOCATION_KINDS.map((k) => ({ value: k, label: LOCATION_KIND_LABELS[k] }))}
            data-testid="stock-filter-kind"
          />
          <Checkbox checked={onlyAlerts} onChange={(e) => setOnlyAlerts(e.target.checked)} data-testid="stock-filter-alerts">
            只看预警
          </Checkbox>
          {exporter.button}
        </Space>
        {exporter.progress}
        <Table<StockRow>
          rowKey={(r) => `${r.itemId}-${r.locationId}-${r.expiryDate ?? ''}`}
          size="middle"
          loading={busy || !today}
          dataSource={shown}
          scroll={{ x: 1000 }}
          pagination={{ pageSize: 50, showTotal: (t) => `共 ${t} 批`, hideOnSinglePage: true }}
          data-testid="stock-table"
          onRow={() => ({ 'data-testid': 'stock-row' }) as object}
          locale={{ emptyText: rows.length === 0 ? '还没有库存。捐赠或采购的物资入库后会显示在这里' : '没有符合条件的库存' }}
          summary={() =>
            shown.length > 0 ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={6}>
                  <Typography.Text strong>合计（估价）</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={6} align="right">
                  <Yuan fen={totalFen} strong testId="stock-total" />
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
          columns={[
            {
              title: '物资',
              key: 'item',
              width: 170,
              render: (_, r) => (
                <Space size={4} style={{ whiteSpace: 'nowrap' }}>
                  <Typography.Text strong>{r.itemName}</Typography.Text>
                  {lowIds.has(r.itemId) && <Tag color="volcano">低库存</Tag>}
                </Space>
              ),
            },
            { title: '规格', key: 'spec', width: 120, render: (_, r) => itemById.get(r.itemId)?.spec || <Typography.Text type="secondary">—</Typography.Text> },
            { title: '单位', dataIndex: 'unit', width: 70 },
            {
              title: '存放地点',
              key: 'location',
              render: (_, r) => <LocationCell name={r.locationName} kind={r.locationKind} location={locationById.get(r.locationId)} />,
            },
            {
              title: '到期日期',
              dataIndex: 'expiryDate',
              width: 180,
              render: (d: string | null, r) => <ExpiryCell date={d} near={nearKeys.has(nearKey(r.itemId, r.locationName, d))} today={today ?? ''} />,
            },
            { title: '数量', dataIndex: 'quantity', width: 110, align: 'right', render: (n: number, r) => <Qty n={n} unit={r.unit} strong testId="stock-qty" /> },
            { title: '估价金额', dataIndex: 'valueFen', width: 140, align: 'right', render: (f: number) => <Yuan fen={f} /> },
          ]}
        />
      </Card>
    </Space>
  );
}
