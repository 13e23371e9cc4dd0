import Card from 'antd/es/card';
import Typography from 'antd/es/typography';
import type { ReactNode } from 'react';

export function AuthCard({ centreName, title, children }: { centreName: string; title: string; children: ReactNode }) {
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5' }}>
      <Card style={{ width: 420 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>{centreName}</Typography.Title>
        <Typography.Title level={5} type="secondary" style={{ marginTop: 0 }}>{title}</Typography.Title>
        {children}
      </Card>
    </div>
  );
}
