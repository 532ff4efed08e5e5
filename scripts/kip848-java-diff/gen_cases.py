"""Random target-assignment cases for run.sh: gen_cases.py SEED COUNT [hard] > cases.txt

Groups of up to 80 members (150 with "hard"), 1-8 topics of up to 300 partitions (3000), joins, leaves,
partition growth, static replacements, subscription changes between homogeneous and heterogeneous, and
member ids that share a String.hashCode ("Aa"/"BB" blocks; mostly those with "hard").
"""
import random, base64, sys
seed=int(sys.argv[1]); n=int(sys.argv[2]); hard=len(sys.argv)>3 and sys.argv[3]=='hard'
random.seed(seed)
def b64id():
    while True:
        s=base64.urlsafe_b64encode(bytes(random.getrandbits(8) for _ in range(16))).decode().rstrip('=')
        if not s.startswith('-'): return s
def member_id(style):
    if style==0: return b64id()
    if style==1: return 'consumer-%d'%random.randrange(1,200)
    if style==2: return ''.join(random.choice(['Aa','BB']) for _ in range(random.randrange(1,5)))+'-%d'%random.randrange(0,3)
    return 'c%d'%random.randrange(0,100)
out=[]
for c in range(n):
    assignor=random.choice(['uniform','range'])
    ntop=random.randrange(1,9)
    names=random.sample(['t','orders','payments','Aa','BB','AaAa','BBBB','AaBB','events','x1','x2'],ntop)
    tids={t:b64id() for t in names}
    counts={t:random.randrange(1,random.choice([10,300,3000] if hard else [10,50,300])) for t in names}
    style=random.choice([2,2,1,0]) if hard else random.randrange(4)
    maxm=random.choice([5,40,150] if hard else [5,20,80])
    members=[]  # [id, inst, subs]
    homo=random.random()<0.5
    def subs_for():
        k=random.randrange(0,ntop+1)
        return random.sample(names,k) if random.random()>0.05 else []
    common=random.sample(names,random.randrange(1,ntop+1))
    def new_member():
        mid=member_id(style if random.random()<0.8 else random.randrange(4))
        while any(m[0]==mid for m in members): mid=member_id(random.randrange(4))+'x'
        inst='instance-%d'%random.randrange(1000) if random.random()<0.3 else '-'
        if inst!='-' and any(m[1]==inst for m in members): inst='-'
        s=random.sample(common,len(common)) if homo else subs_for()
        return [mid,inst,s]
    for _ in range(random.randrange(1,maxm+1)): members.append(new_member())
    out.append('CASE '+assignor)
    for step in range(random.randrange(1,9)):
        if step>0:
            ev=random.random()
            if ev<0.25 and members:  # leaves
                for _ in range(random.randrange(1,4)):
                    if len(members)>1: members.pop(random.randrange(len(members)))
            elif ev<0.45:
                for _ in range(random.randrange(1,6)): members.append(new_member())
            elif ev<0.6:
                for t in names:
                    if random.random()<0.5: counts[t]+=random.randrange(1,20)
            elif ev<0.75:  # static replacement + join
                st=[i for i,m in enumerate(members) if m[1]!='-']
                if st:
                    i=random.choice(st); old=members[i]
                    members[i]=[b64id(),old[1],old[2]]
                members.append(new_member())
            elif ev<0.9:  # subscription change
                if random.random()<0.5:
                    homo=not homo if random.random()<0.5 else homo
                    common=random.sample(names,random.randrange(1,ntop+1))
                for m in members:
                    if homo: m[2]=random.sample(common,len(common))
                    elif random.random()<0.4: m[2]=subs_for()
            else:
                random.shuffle(members)
        out.append('STEP')
        for t in names: out.append('T %s %s %d'%(t,tids[t],counts[t]))
        for m in members: out.append('M %s %s %s'%(m[0],m[1],','.join(m[2]) if m[2] else '-'))
        out.append('END')
print('\n'.join(out))
